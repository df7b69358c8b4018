package io.codelibra.lifeline.escalation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpAnswerTest {

  @ParameterizedTest(name = "HTTP {0} retryable: {1}")
  @CsvSource({"500, true", "502, true", "503, true", "408, true", "429, true", "400, false", "401, false",
      "403, false", "404, false", "410, false", "413, false", "301, false"})
  void onlyTimeoutsThrottlingAndServerErrorsAreRetried(int status, boolean retryable) {
    Delivery delivery = new HttpAnswer(status, "").toDelivery(null);

    assertThat(delivery).isInstanceOfSatisfying(Delivery.Failed.class, failed -> {
      assertThat(failed.retryable()).isEqualTo(retryable);
      assertThat(failed.responseCode()).isEqualTo(status);
    });
  }

  @Test
  void aSuccessIsAcceptedWithTheProvidersMessageId() {
    assertThat(new HttpAnswer(202, "{}").toDelivery("inc-42")).isEqualTo(new Delivery.Accepted(202, "inc-42"));
  }

  @Test
  void theErrorQuotesTheStartOfTheAnswerOnOneLine() {
    Delivery.Failed failed = (Delivery.Failed) new HttpAnswer(400, "invalid\n  payload" + "x".repeat(500))
        .toDelivery(null);

    assertThat(failed.error()).startsWith("HTTP 400: invalid payloadxxx").endsWith("…").hasSizeLessThan(220);
  }
}
