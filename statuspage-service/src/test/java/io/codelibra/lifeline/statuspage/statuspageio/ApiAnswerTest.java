package io.codelibra.lifeline.statuspage.statuspageio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiAnswerTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

  @ParameterizedTest
  @CsvSource({"200,true,false", "204,true,false", "408,false,true", "429,false,true", "500,false,true",
      "503,false,true", "301,false,false", "401,false,false", "404,false,false", "422,false,false"})
  void onlyTimeoutsRateLimitsAndServerErrorsAreWorthAnotherAttempt(int status, boolean accepted, boolean retryable) {
    ApiAnswer answer = new ApiAnswer(status, "", null);

    assertThat(answer.accepted()).isEqualTo(accepted);
    assertThat(answer.retryable()).isEqualTo(retryable);
  }

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    assertThat(new ApiAnswer(429, "", "7").requestedWait(NOW)).contains(Duration.ofSeconds(7));
    assertThat(new ApiAnswer(429, "", "Sun, 01 Mar 2026 10:16:00 GMT").requestedWait(NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(new ApiAnswer(429, "", "Sun, 01 Mar 2026 10:00:00 GMT").requestedWait(NOW)).contains(Duration.ZERO);
    assertThat(new ApiAnswer(429, "", "soon").requestedWait(NOW)).isEmpty();
    assertThat(new ApiAnswer(429, "", null).requestedWait(NOW)).isEmpty();
  }

  @Test
  void describesTheAnswerOnOneShortLine() {
    assertThat(new ApiAnswer(404, "{\"error\":\n  \"not found\"}", null).describe())
        .isEqualTo("HTTP 404: {\"error\": \"not found\"}");
    assertThat(new ApiAnswer(404, "", null).describe()).isEqualTo("HTTP 404");
    assertThat(new ApiAnswer(400, "x".repeat(2000), null).describe()).hasSize("HTTP 400: ".length() + 501);
  }
}
