package io.codelibra.lifeline.ingest.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

class AlertmanagerWebhookReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AlertmanagerWebhookReader reader = new AlertmanagerWebhookReader();

  static ObjectNode fixture(String name) {
    try (InputStream in = AlertmanagerWebhookReaderTest.class.getResourceAsStream("/alertmanager/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyDocumentedPayloadIsValid() {
    for (String name : List.of("firing.json", "resolved.json", "without-fingerprint.json",
        "group-firing-and-resolved.json")) {
      assertThat(reader.problems(fixture(name))).as(name).isEmpty();
    }
  }

  @Test
  void aFiringAlertKeepsEverythingAlertmanagerSaid() {
    List<InboundAlert> alerts = reader.read(fixture("firing.json"), "prod-alertmanager", null);

    assertThat(alerts).hasSize(1);
    InboundAlert alert = alerts.getFirst();
    assertThat(alert.sourceType()).isEqualTo(AlertSourceType.alertmanager);
    assertThat(alert.source()).isEqualTo("alertmanager:sms");
    assertThat(alert.integration()).isEqualTo("prod-alertmanager");
    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
    assertThat(alert.dedupKey()).isEqualTo("alertmanager:1a30ba71cca2921f");
    assertThat(alert.summary()).isEqualTo("BlackBox Probe Failure: https://server.example.org");
    assertThat(alert.details()).isEqualTo("Instance https://server.example.org has been down for over 5m. Job: http_checks");
    assertThat(alert.sourceSeverity()).isEqualTo("critical");
    assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "alertname", "ProbeFailure", "instance", "https://server.example.org", "job", "http_checks",
        "monitor", "master", "severity", "critical"));
    assertThat(alert.annotations()).containsOnlyKeys("description", "summary");
    assertThat(alert.externalUrl())
        .isEqualTo("http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1");
    assertThat(alert.startsAt()).isEqualTo(Instant.parse("2023-02-06T13:08:45.828Z"));
    assertThat(alert.endsAt()).as("Go's zero time means unset").isNull();
    assertThat(alert.service()).as("no fixed service: routed by labels").isNull();
  }

  @Test
  void theRawPayloadIsTheOneAlertWithItsGroupKey() throws IOException {
    ObjectNode webhook = fixture("group-firing-and-resolved.json");

    List<InboundAlert> alerts = reader.read(webhook, "prod", null);

    JsonNode raw = JSON.readTree(alerts.get(1).rawPayload());
    assertThat(raw.get("groupKey").asText()).isEqualTo("{}/{team=\"payments\"}:{alertname=\"KubePodCrashLooping\"}");
    assertThat(raw.get("alert")).isEqualTo(webhook.get("alerts").get(1));
  }

  @Test
  void aResolvedAlertIsResolvedWhenAlertmanagerSaysItEnded() {
    InboundAlert alert = reader.read(fixture("resolved.json"), "prod", null).getFirst();

    assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(alert.dedupKey()).isEqualTo("alertmanager:1a30ba71cca2921f");
    assertThat(alert.endsAt()).isEqualTo(Instant.parse("2023-02-06T13:23:45.828Z"));
    assertThat(alert.details()).as("the description says why it fired, not why it resolved").isNull();
    assertThat(alert.annotations()).containsKey("description");
  }

  @Test
  void eachAlertOfAGroupHasItsOwnState() {
    List<InboundAlert> alerts = reader.read(fixture("group-firing-and-resolved.json"), "prod", null);

    assertThat(alerts).extracting(InboundAlert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
    assertThat(alerts).extracting(InboundAlert::dedupKey)
        .containsExactly("alertmanager:4f1c2b7a9e0d3c61", "alertmanager:9b3e51d0c2a47f88");
    assertThat(alerts).extracting(InboundAlert::source).containsOnly("alertmanager:lifeline");
  }

  @Test
  void withoutASummaryTheDescriptionsFirstLineIsTheSummary() {
    InboundAlert alert = reader.read(fixture("group-firing-and-resolved.json"), "prod", null).getFirst();

    assertThat(alert.summary())
        .isEqualTo("Pod payments/payments-api-7d9f8b6c5-x2k4q (api) is in waiting state (reason: \"CrashLoopBackOff\").");
    assertThat(alert.details()).contains("\nIt restarted 5 times");
  }

  @Test
  void withoutAFingerprintTheKeyIsAlertmanagersOwnFingerprintOfTheLabels() {
    InboundAlert alert = reader.read(fixture("without-fingerprint.json"), "prod", null).getFirst();

    assertThat(alert.dedupKey()).isEqualTo("alertmanager:" + AlertmanagerFingerprint.of(Map.of(
        "alertname", "Test", "dc", "eu-west-1", "instance", "localhost:9090", "job", "prometheus24")));
    assertThat(alert.summary()).isEqualTo("some description");
    assertThat(alert.startsAt()).isEqualTo(Instant.parse("2018-08-03T07:52:26.739266876Z"));
  }

  @Test
  void withoutSummaryOrDescriptionTheAlertnameIsTheSummaryThenTheLabelSet() {
    assertThat(AlertmanagerWebhookReader.summaryOf(Map.of("alertname", "HighLatency", "job", "api"), Map.of()))
        .isEqualTo("HighLatency");
    assertThat(AlertmanagerWebhookReader.summaryOf(Map.of("job", "api", "env", "prod"), Map.of("runbook", "x")))
        .isEqualTo("{env=\"prod\", job=\"api\"}");
  }

  @Test
  void aSummaryLongerThan1024CharactersIsCut() {
    String summary = AlertmanagerWebhookReader.summaryOf(Map.of("alertname", "A"), Map.of("summary", "x".repeat(5000)));

    assertThat(summary).hasSize(1024).endsWith("…");
  }

  @Test
  void withoutGeneratorUrlTheLinkIsAlertmanagersExternalUrl() {
    ObjectNode webhook = fixture("firing.json");
    ((ObjectNode) webhook.get("alerts").get(0)).remove("generatorURL");

    assertThat(reader.read(webhook, "prod", null).getFirst().externalUrl()).isEqualTo("http://prometheus.example.org:9093");
  }

  @Test
  void theIntegrationsServiceOwnsTheAlertWhenItHasOne() {
    assertThat(reader.read(fixture("firing.json"), "prod", "checkout").getFirst().service()).isEqualTo("checkout");
  }

  @Test
  void anotherPayloadVersionIsRefused() {
    ObjectNode webhook = fixture("firing.json");
    webhook.put("version", "3");

    assertThat(reader.problems(webhook))
        .containsExactly("version '3' is not supported; only payload version 4 is");
  }

  @Test
  void everyMissingRequiredFieldIsListed() throws IOException {
    JsonNode webhook = JSON.readTree("""
        {"alerts":[{"labels":{}}, {"status":"pending","labels":{"a":1},"startsAt":"yesterday","endsAt":"0001-01-01T00:00:00Z"}, 7]}""");

    assertThat(reader.problems(webhook)).containsExactly(
        "version is required; only Alertmanager webhook payload version 4 is supported",
        "receiver is required",
        "status is required",
        "groupKey is required",
        "alerts[0].status is required",
        "alerts[0].labels must not be empty",
        "alerts[0].startsAt is required",
        "alerts[1].status 'pending' is not one of firing, resolved",
        "alerts[1].labels must be an object of string values",
        "alerts[1].startsAt 'yesterday' is not an RFC 3339 time",
        "alerts[2] must be an object");
  }

  @Test
  void aGroupWithoutAlertsIsRefused() {
    ObjectNode webhook = fixture("firing.json");
    webhook.set("alerts", JSON.createArrayNode());

    assertThat(reader.problems(webhook)).containsExactly("alerts must be a non-empty array");
  }

  @Test
  void fieldsOfTheWrongTypeAreRefused() {
    ObjectNode webhook = fixture("firing.json");
    webhook.put("truncatedAlerts", -1);
    webhook.put("commonLabels", "severity=critical");
    ArrayNode alerts = (ArrayNode) webhook.get("alerts");
    ((ObjectNode) alerts.get(0)).put("fingerprint", 42);

    assertThat(reader.problems(webhook)).containsExactly(
        "truncatedAlerts must be a whole number, 0 or more",
        "commonLabels must be an object of string values",
        "alerts[0].fingerprint must be a string");
  }

  @Test
  void nullMapsCountAsEmpty() {
    ObjectNode webhook = fixture("firing.json");
    webhook.putNull("commonAnnotations");
    ((ObjectNode) webhook.get("alerts").get(0)).putNull("annotations");

    assertThat(reader.problems(webhook)).isEmpty();
    InboundAlert alert = reader.read(webhook, "prod", null).getFirst();
    assertThat(alert.annotations()).isEmpty();
    assertThat(alert.summary()).isEqualTo("ProbeFailure");
  }
}
