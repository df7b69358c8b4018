package io.codelibra.lifeline.failover.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoRegionFaultSwitchTest {

  private static final String KEY = "demo-stack-key";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private RecordingHttpServer east;
  private DemoRegionFaultSwitch faults;

  @BeforeEach
  void start() throws Exception {
    east = RecordingHttpServer.start();
    faults = new DemoRegionFaultSwitch(new DemoRegionFaultSettings(
        Map.of("us-east-1", east.url("/")), KEY, Duration.ofSeconds(1), Duration.ofMillis(500)));
  }

  @AfterEach
  void stop() {
    faults.close();
    east.close();
  }

  @Test
  void injectsWithTheKeyAndVerifiesByReadingTheFaultBack() {
    east.thenAnswer(200, fault("us-east-1", true), JSON).thenAnswer(200, fault("us-east-1", true), JSON);

    FaultState state = faults.inject("us-east-1", "drill 42");

    assertThat(state).isEqualTo(new FaultState("us-east-1", true, null,
        "GET /fault: {\"region\":\"us-east-1\",\"fault\":true}"));
    RecordingHttpServer.Received put = take();
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.path()).isEqualTo("/fault");
    assertThat(put.text()).isEqualTo("on");
    assertThat(put.header("Authorization")).isEqualTo("Bearer " + KEY);
    RecordingHttpServer.Received get = take();
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/fault");
    assertThat(get.header("Authorization")).isNull();
    assertThat(east.requestCount()).isZero();
  }

  @Test
  void clearsWithOffAndVerifies() {
    east.thenAnswer(200, fault("us-east-1", false), JSON).thenAnswer(200, fault("us-east-1", false), JSON);

    FaultState state = faults.clear("us-east-1");

    assertThat(state.active()).isFalse();
    RecordingHttpServer.Received put = take();
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.text()).isEqualTo("off");
    assertThat(put.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(take().method()).isEqualTo("GET");
  }

  @Test
  void readsTheCurrentFaultWithoutChangingIt() {
    east.thenAnswer(200, fault("us-east-1", true), JSON);

    assertThat(faults.current("us-east-1").active()).isTrue();
    assertThat(take().method()).isEqualTo("GET");
    assertThat(east.requestCount()).isZero();
  }

  @Test
  void refusedKeyIsAnErrorNamingRegionAndStatusWithoutTheKey() {
    east.thenAnswer(401, "{\"error\":\"the stack's API key is needed to switch a fault\"}", JSON);

    assertThatThrownBy(() -> faults.inject("us-east-1", "drill"))
        .isInstanceOfSatisfying(FaultInjectionException.class, e -> {
          assertThat(e.region()).isEqualTo("us-east-1");
          assertThat(e.httpStatus()).hasValue(401);
          assertThat(e.getMessage()).contains("us-east-1").contains("401").doesNotContain(KEY);
        });
    assertThat(east.requestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorIsAnErrorNamingRegionAndStatus() {
    east.thenAnswer(503, "{\"error\":\"down\"}", JSON);

    assertThatThrownBy(() -> faults.clear("us-east-1"))
        .isInstanceOfSatisfying(FaultInjectionException.class, e -> {
          assertThat(e.httpStatus()).hasValue(503);
          assertThat(e.getMessage()).contains("us-east-1").contains("HTTP 503");
        });
  }

  @Test
  void unknownRegionIsAnErrorWithoutAnyCall() {
    assertThatThrownBy(() -> faults.inject("eu-west-1", "drill"))
        .isInstanceOfSatisfying(FaultInjectionException.class, e -> {
          assertThat(e.region()).isEqualTo("eu-west-1");
          assertThat(e.httpStatus()).isEmpty();
          assertThat(e.getMessage()).contains("eu-west-1").contains("us-east-1");
        });
    assertThat(east.requestCount()).isZero();
  }

  @Test
  void aSwitchThatDoesNotReadBackIsAnError() {
    east.thenAnswer(200, fault("us-east-1", true), JSON).thenAnswer(200, fault("us-east-1", false), JSON);

    assertThatThrownBy(() -> faults.inject("us-east-1", "drill"))
        .isInstanceOf(FaultInjectionException.class)
        .hasMessageContaining("reads back");
  }

  @Test
  void anAnswerFromAnotherRegionIsAnError() {
    east.thenAnswer(200, fault("us-west-2", false), JSON);

    assertThatThrownBy(() -> faults.current("us-east-1"))
        .isInstanceOf(FaultInjectionException.class)
        .hasMessageContaining("served by region 'us-west-2'");
  }

  @Test
  void aSlowRegionTimesOut() {
    east.thenAnswerAfter(Duration.ofSeconds(2), 200);

    assertThatThrownBy(() -> faults.current("us-east-1"))
        .isInstanceOf(FaultInjectionException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void settingsDoNotPrintTheKey() {
    assertThat(new DemoRegionFaultSettings(Map.of("us-east-1", URI.create("http://127.0.0.1:8091")), KEY, null, null))
        .asString().doesNotContain(KEY).contains("redacted");
  }

  private RecordingHttpServer.Received take() {
    try {
      return east.take();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String fault(String region, boolean on) {
    return "{\"region\":\"" + region + "\",\"fault\":" + on + "}\n";
  }
}
