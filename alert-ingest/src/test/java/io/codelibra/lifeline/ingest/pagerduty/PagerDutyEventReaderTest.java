package io.codelibra.lifeline.ingest.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.ingest.alert.AlertState;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerDutyEventReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PagerDutyEventReader reader = new PagerDutyEventReader(() -> "generated-key");

  static ObjectNode fixture(String name) {
    try (InputStream in = PagerDutyEventReaderTest.class.getResourceAsStream("/pagerduty/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyDocumentedEventIsValid() {
    for (String name : List.of("trigger.json", "trigger-without-dedup-key.json", "acknowledge.json", "resolve.json")) {
      assertThat(reader.problems(fixture(name))).as(name).isEmpty();
    }
  }

  @Test
  void aTriggerKeepsEverythingPagerDutyWouldShow() throws IOException {
    InboundAlert alert = reader.read(fixture("trigger.json"), "checkout-pd", "checkout");

    assertThat(alert.sourceType()).isEqualTo(AlertSourceType.pagerduty);
    assertThat(alert.source()).isEqualTo("pagerduty:checkout-pd");
    assertThat(alert.integration()).isEqualTo("checkout-pd");
    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
    assertThat(alert.dedupKey()).isEqualTo("srv01/mysql");
    assertThat(alert.summary()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
    assertThat(alert.sourceSeverity()).isEqualTo("critical");
    assertThat(alert.service()).isEqualTo("checkout");
    assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "component", "mysql", "group", "prod-datapipe", "class", "disk", "source", "prod-datapipe03.example.com"));
    assertThat(JSON.readTree(alert.details()))
        .isEqualTo(JSON.readTree("{\"free space\":\"1%\",\"ping time\":\"1500ms\",\"load avg\":0.75}"));
    assertThat(JSON.readTree(alert.annotations().get("link.0")))
        .isEqualTo(JSON.readTree("{\"href\":\"http://pagerduty.example.com\",\"text\":\"An example link.\"}"));
    assertThat(JSON.readTree(alert.annotations().get("image.0")).get("src").asText())
        .startsWith("https://chart.googleapis.com/chart?");
    assertThat(alert.annotations()).containsEntry("client", "Sample Monitoring Service");
    assertThat(alert.externalUrl()).isEqualTo("https://monitoring.service.com");
    assertThat(alert.startsAt()).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
    assertThat(alert.endsAt()).isNull();
  }

  @Test
  void theRawPayloadIsTheEventWithoutItsRoutingKey() throws IOException {
    ObjectNode event = fixture("trigger.json");

    InboundAlert alert = reader.read(event, "checkout-pd", "checkout");

    assertThat(alert.rawPayload()).doesNotContain("e93facc04764012d7bfb002500d5d1a6");
    ObjectNode expected = event.deepCopy();
    expected.remove("routing_key");
    assertThat(JSON.readTree(alert.rawPayload())).isEqualTo(expected);
  }

  @Test
  void aTriggerWithoutDedupKeyGetsAGeneratedOne() {
    InboundAlert alert = reader.read(fixture("trigger-without-dedup-key.json"), "pd", null);

    assertThat(alert.dedupKey()).isEqualTo("generated-key");
    assertThat(alert.sourceSeverity()).isEqualTo("info");
  }

  @Test
  void generatedDedupKeysAreRandomUuidsWithoutDashes() {
    assertThat(PagerDutyEventReader.randomDedupKey()).matches("[0-9a-f]{32}")
        .isNotEqualTo(PagerDutyEventReader.randomDedupKey());
  }

  @Test
  void acknowledgeAndResolveActOnTheirDedupKey() {
    InboundAlert acknowledged = reader.read(fixture("acknowledge.json"), "pd", "checkout");
    InboundAlert resolved = reader.read(fixture("resolve.json"), "pd", "checkout");

    assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(acknowledged.dedupKey()).isEqualTo("dedupkeyhere");
    assertThat(acknowledged.summary()).isNull();
    assertThat(acknowledged.labels()).isEmpty();
    assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(resolved.dedupKey()).isEqualTo("dedupkeyhere");
    assertThat(resolved.endsAt()).isNull();
  }

  @Test
  void aResolveWithATimestampEndsThen() {
    ObjectNode event = fixture("resolve.json");
    event.putObject("payload").put("timestamp", "2024-05-14T08:20:07Z");

    assertThat(reader.read(event, "pd", null).endsAt()).isEqualTo(Instant.parse("2024-05-14T08:20:07Z"));
  }

  @Test
  void aLinkWithNothingButItsUrlIsTheUrl() throws IOException {
    ObjectNode event = fixture("trigger.json");
    event.set("links", JSON.readTree("[{\"href\":\"https://runbooks.example.com/disk\"}, {\"href\":\"https://x\",\"text\":\"x\"}]"));
    event.set("images", JSON.readTree("[{\"src\":\"https://graphs.example.com/disk.png\"}]"));

    InboundAlert alert = reader.read(event, "pd", null);

    assertThat(alert.annotations()).containsEntry("link.0", "https://runbooks.example.com/disk")
        .containsEntry("image.0", "https://graphs.example.com/disk.png");
    assertThat(alert.annotations().get("link.1")).startsWith("{");
  }

  @Test
  void customDetailsThatAreTextStayText() {
    ObjectNode event = fixture("trigger.json");
    ((ObjectNode) event.get("payload")).put("custom_details", "disk /var is full");

    assertThat(reader.read(event, "pd", null).details()).isEqualTo("disk /var is full");
  }

  @Test
  void timestampsAreReadAsSendersWriteIso8601() {
    assertThat(PagerDutyEventReader.parseTimestamp("2015-07-17T08:42:58.315+0000"))
        .isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
    assertThat(PagerDutyEventReader.parseTimestamp("2015-07-17T10:42:58+02:00"))
        .isEqualTo(Instant.parse("2015-07-17T08:42:58Z"));
    assertThat(PagerDutyEventReader.parseTimestamp("2015-07-17T08:42:58Z")).isEqualTo(Instant.parse("2015-07-17T08:42:58Z"));
    assertThat(PagerDutyEventReader.parseTimestamp("2015-07-17T08:42:58")).isEqualTo(Instant.parse("2015-07-17T08:42:58Z"));
    assertThat(PagerDutyEventReader.parseTimestamp("last tuesday")).isNull();
  }

  @Test
  void theRoutingKeyIsReadOnlyWhenItIsText() throws IOException {
    assertThat(PagerDutyEventReader.routingKeyOf(fixture("trigger.json"))).isEqualTo("e93facc04764012d7bfb002500d5d1a6");
    assertThat(PagerDutyEventReader.routingKeyOf(JSON.readTree("{\"routing_key\":42}"))).isNull();
    assertThat(PagerDutyEventReader.routingKeyOf(JSON.readTree("{}"))).isNull();
  }

  @Test
  void aTriggerNeedsSummarySourceAndAKnownSeverity() throws IOException {
    JsonNode event = JSON.readTree("""
        {"routing_key":"k","event_action":"trigger","payload":{"severity":"urgent","summary":" "}}""");

    assertThat(reader.problems(event)).containsExactly(
        "'payload.summary' is missing or blank",
        "'payload.source' is missing or blank",
        "'payload.severity' is invalid (must be one of: critical, error, warning, info)");
  }

  @Test
  void aTriggerWithoutPayloadMissesAllThree() throws IOException {
    assertThat(reader.problems(JSON.readTree("{\"event_action\":\"trigger\"}"))).containsExactly(
        "'payload.summary' is missing or blank",
        "'payload.source' is missing or blank",
        "'payload.severity' is missing or blank");
  }

  @Test
  void theSummaryMayHave1024CharactersButNotMore() {
    ObjectNode event = fixture("trigger.json");
    ObjectNode payload = (ObjectNode) event.get("payload");

    payload.put("summary", "x".repeat(1024));
    assertThat(reader.problems(event)).isEmpty();

    payload.put("summary", "x".repeat(1025));
    assertThat(reader.problems(event)).containsExactly("'payload.summary' is too long (maximum is 1024 characters)");
  }

  @Test
  void acknowledgeAndResolveNeedADedupKey() {
    for (String name : List.of("acknowledge.json", "resolve.json")) {
      ObjectNode event = fixture(name);
      event.remove("dedup_key");

      assertThat(reader.problems(event)).as(name)
          .containsExactly("'dedup_key' is missing or blank (required for acknowledge and resolve)");
    }
  }

  @Test
  void theEventActionMustBeOneOfPagerDutys() throws IOException {
    assertThat(reader.problems(JSON.readTree("{\"dedup_key\":\"a\"}")))
        .containsExactly("'event_action' is missing or blank");
    assertThat(reader.problems(JSON.readTree("{\"dedup_key\":\"a\",\"event_action\":\"escalate\"}")))
        .containsExactly("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
  }

  @Test
  void malformedOptionalFieldsAreRefusedToo() throws IOException {
    ObjectNode event = fixture("trigger.json");
    event.put("dedup_key", "k".repeat(256));
    ObjectNode payload = (ObjectNode) event.get("payload");
    payload.put("timestamp", "yesterday");
    payload.put("component", 3);
    event.set("links", JSON.readTree("[{\"text\":\"no href\"}, \"https://x\"]"));
    event.put("images", "https://x/y.png");
    event.put("client_url", 1);

    assertThat(reader.problems(event)).containsExactly(
        "'dedup_key' is too long (maximum is 255 characters)",
        "'payload.component' must be a string",
        "'payload.timestamp' is invalid (must be an ISO 8601 date and time)",
        "'links[0].href' is missing or blank",
        "'links[1]' must be an object",
        "'images' must be an array",
        "'client_url' must be a string");
  }
}
