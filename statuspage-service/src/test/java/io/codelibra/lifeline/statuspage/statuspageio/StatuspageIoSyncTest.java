package io.codelibra.lifeline.statuspage.statuspageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatuspageIoSyncTest {

  private static final String API_KEY = "sp-4P1-K3Y-D0-N0T-LOG";
  private static final StatuspageIoProperties.Retry FAST_RETRY =
      new StatuspageIoProperties.Retry(3, Duration.ofMillis(10), 2, Duration.ofSeconds(2));

  private final Logger syncLogs = (Logger) LoggerFactory.getLogger(StatuspageIoSync.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private RecordingHttpServer statuspage;
  private StatuspageIoSync sync;

  @BeforeEach
  void start() throws Exception {
    syncLogs.setLevel(Level.DEBUG);
    logs.start();
    syncLogs.addAppender(logs);
    statuspage = RecordingHttpServer.start();
  }

  @AfterEach
  void stop() {
    syncLogs.detachAppender(logs);
    syncLogs.setLevel(null);
    statuspage.close();
    if (sync != null) {
      sync.close();
    }
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .allSatisfy(line -> assertThat(line).doesNotContain(API_KEY));
  }

  private StatuspageIoSync sync(URI apiUrl, StatuspageIoProperties.Retry retry) {
    StatuspageIoProperties properties = new StatuspageIoProperties(true, apiUrl, "pg-7x2k", API_KEY,
        Map.of("api", "sp-cmp-api"), Duration.ofSeconds(1), Duration.ofSeconds(2), retry);
    sync = new StatuspageIoSync(new StatuspageIoClient(properties.apiUrl(), properties.pageId(), properties.apiKey(),
        properties.connectTimeout(), properties.readTimeout()), properties, meters, Clock.systemUTC());
    return sync;
  }

  private static Message<ComponentStatusChanged> changed(String componentId, ComponentStatus status) {
    return MessageBuilder.withPayload(ComponentStatusChanged.newBuilder()
        .setEventId(UUID.fromString("00000000-0000-4000-8000-000000000042"))
        .setOccurredAt(Instant.parse("2026-03-01T10:15:30Z"))
        .setSource("statuspage-service")
        .setComponentId(componentId)
        .setComponentName("API")
        .setPreviousStatus(ComponentStatus.operational)
        .setStatus(status)
        .setReason("incident inc-42: checkout 5xx")
        .build()).build();
  }

  private double updates(String outcome) {
    return meters.counter(StatuspageIoSync.UPDATES_METER, "outcome", outcome).count();
  }

  @Test
  void patchesTheMappedComponentWithTheApiKeyAndStatuspagesJsonBody() throws Exception {
    sync(statuspage.url(""), FAST_RETRY).accept(changed("api", ComponentStatus.major_outage));

    RecordingHttpServer.Received request = statuspage.take();
    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.path()).isEqualTo("/v1/pages/pg-7x2k/components/sp-cmp-api");
    assertThat(request.header("Authorization")).isEqualTo("OAuth " + API_KEY);
    assertThat(request.header("Content-Type")).startsWith("application/json");
    JsonNode body = JsonMapper.builder().build().readTree(request.body());
    assertThat(body).isEqualTo(JsonMapper.builder().build().readTree("{\"component\":{\"status\":\"major_outage\"}}"));
    assertThat(statuspage.requestCount()).isZero();
    assertThat(updates("updated")).isEqualTo(1);
  }

  @Test
  void skipsAComponentWithoutStatuspageIoCounterpart() {
    sync(statuspage.url(""), FAST_RETRY).accept(changed("checkout", ComponentStatus.major_outage));

    assertThat(statuspage.requestCount()).isZero();
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).contains("checkout", "not synced"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void skipsTheTombstoneOfARemovedComponent() {
    Message<?> tombstone = MessageBuilder.withPayload(KafkaNull.INSTANCE).build();

    sync(statuspage.url(""), FAST_RETRY).accept((Message<ComponentStatusChanged>) tombstone);

    assertThat(statuspage.requestCount()).isZero();
  }

  @Test
  void retriesServerErrorsUntilStatuspageIoTakesTheStatus() throws Exception {
    statuspage.thenAnswer(503, "unavailable").thenAnswer(502, "bad gateway");

    sync(statuspage.url(""), FAST_RETRY).accept(changed("api", ComponentStatus.operational));

    statuspage.take();
    statuspage.take();
    assertThat(statuspage.take().text()).contains("\"operational\"");
    assertThat(updates("updated")).isEqualTo(1);
  }

  @Test
  void waitsAsLongAsA429sRetryAfterAsks() throws Exception {
    statuspage.thenAnswer(429, "{\"error\":\"rate limited\"}", Map.of("Retry-After", "1"));
    long started = System.nanoTime();

    sync(statuspage.url(""), FAST_RETRY).accept(changed("api", ComponentStatus.partial_outage));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    statuspage.take();
    statuspage.take();
    assertThat(updates("updated")).isEqualTo(1);
  }

  @Test
  void aRetryAfterBeyondTheMaxDelayHandsTheRecordBackToTheBinder() {
    statuspage.thenAnswer(429, "", Map.of("Retry-After", "120"));

    assertThatThrownBy(() -> sync(statuspage.url(""), FAST_RETRY).accept(changed("api", ComponentStatus.major_outage)))
        .isInstanceOf(StatuspageIoSyncFailed.class).hasMessageContaining("HTTP 429");
    assertThat(statuspage.requestCount()).isEqualTo(1);
  }

  @Test
  void aRefusalIsNotRetriedAndIsLoggedWithStatuspageIosAnswer() {
    statuspage.otherwiseAnswer(422, "{\"error\":[\"Status is not included in the list\"]}");

    sync(statuspage.url(""), FAST_RETRY).accept(changed("api", ComponentStatus.major_outage));

    assertThat(statuspage.requestCount()).isEqualTo(1);
    assertThat(updates("rejected")).isEqualTo(1);
    assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.ERROR).singleElement()
        .extracting(ILoggingEvent::getFormattedMessage).asString()
        .contains("sp-cmp-api", "major_outage", "HTTP 422", "Status is not included in the list");
  }

  @Test
  void throwsToTheBinderWhenTheAttemptsRunOut() {
    statuspage.otherwiseAnswer(500, "internal error, key " + API_KEY);

    assertThatThrownBy(() -> sync(statuspage.url(""), FAST_RETRY).accept(changed("api", ComponentStatus.major_outage)))
        .isInstanceOf(StatuspageIoSyncFailed.class)
        .hasMessageContaining("after 3 attempts: HTTP 500")
        .message().doesNotContain(API_KEY);
    assertThat(statuspage.requestCount()).isEqualTo(3);
    assertThat(updates("failed")).isEqualTo(1);
  }

  @Test
  void anUnreachableApiIsRetriedAndThenThrown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> sync(URI.create("http://127.0.0.1:" + closedPort), FAST_RETRY)
        .accept(changed("api", ComponentStatus.major_outage)))
        .isInstanceOf(StatuspageIoSyncFailed.class)
        .hasMessageContaining("after 3 attempts: no answer: ");
  }
}
