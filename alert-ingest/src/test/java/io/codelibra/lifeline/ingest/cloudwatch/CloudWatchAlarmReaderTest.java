package io.codelibra.lifeline.ingest.cloudwatch;

import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.alarm;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.fixture;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.ingest.alert.AlertNormaliser;
import io.codelibra.lifeline.ingest.alert.AlertState;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.routing.ServiceRoutes;
import io.codelibra.lifeline.ingest.severity.SeverityTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudWatchAlarmReaderTest {

  private static final String ENVELOPE = "{\"Type\":\"Notification\"}";
  private final CloudWatchAlarmReader reader = new CloudWatchAlarmReader(InsufficientDataPolicy.FIRING);

  @Test
  void anAlarmStateFiresKeyedByTheAlarmArnWithEveryIdentifyingLabel() {
    InboundAlert alert = read(reader, fixture("alarm-state-alarm.json"), "checkout").orElseThrow();

    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
    assertThat(alert.sourceType()).isEqualTo(AlertSourceType.cloudwatch);
    assertThat(alert.source()).isEqualTo("cloudwatch:123456789012");
    assertThat(alert.integration()).isEqualTo("cloudwatch-prod");
    assertThat(alert.dedupKey()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-api-5xx");
    assertThat(alert.summary()).isEqualTo("checkout-api-5xx: Checkout API returns 5xx to more than 5% of requests. "
        + "Runbook: https://runbooks.example.com/checkout-5xx");
    assertThat(alert.details()).startsWith("Threshold Crossed: 2 out of the last 2 datapoints");
    assertThat(alert.sourceSeverity()).isEqualTo("ALARM");
    assertThat(alert.labels()).containsOnly(
        entry("alarm_name", "checkout-api-5xx"),
        entry("account", "123456789012"),
        entry("region", "us-east-1"),
        entry("namespace", "AWS/ApplicationELB"),
        entry("metric_name", "HTTPCode_Target_5XX_Count"),
        entry("dimension_LoadBalancer", "app/checkout-alb/50dc6c495c0c9188"),
        entry("dimension_TargetGroup", "targetgroup/checkout-api/73e2d6bc24d8a067"));
    assertThat(alert.annotations()).contains(
        entry("region_name", "US East (N. Virginia)"),
        entry("old_state", "OK"),
        entry("statistic", "SUM"),
        entry("comparison_operator", "GreaterThanThreshold"),
        entry("threshold", "5.0"),
        entry("period", "60"),
        entry("evaluation_periods", "2"));
    assertThat(alert.annotations().get("description")).contains("\nRunbook:");
    assertThat(alert.externalUrl()).isEqualTo(
        "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/checkout-api-5xx");
    assertThat(alert.startsAt()).isEqualTo(Instant.parse("2025-09-16T16:59:17.131Z"));
    assertThat(alert.endsAt()).isNull();
    assertThat(alert.service()).isEqualTo("checkout");
    assertThat(alert.rawPayload()).isEqualTo(ENVELOPE);
  }

  @Test
  void anOkStateResolvesTheSameFingerprintAtTheStateChangeTime() {
    InboundAlert raised = read(reader, fixture("alarm-state-alarm.json"), null).orElseThrow();
    InboundAlert resolved = read(reader, fixture("alarm-state-ok.json"), null).orElseThrow();

    assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(AlertNormaliser.fingerprintOf(resolved)).isEqualTo(AlertNormaliser.fingerprintOf(raised));
    assertThat(resolved.endsAt()).isEqualTo(Instant.parse("2025-09-16T17:12:03.402Z"));
    assertThat(resolved.startsAt()).isNull();
    assertThat(resolved.details()).startsWith("Threshold Crossed: 1 out of the last 2 datapoints");
    assertThat(resolved.sourceSeverity()).isEqualTo("OK");
    assertThat(resolved.service()).isNull();
  }

  @Test
  void insufficientDataFiresAsSev3ThroughTheDefaultSeverityTableByDefault() {
    InboundAlert alert = read(reader, fixture("alarm-state-insufficient-data.json"), null).orElseThrow();
    AlertNormaliser normaliser = new AlertNormaliser(SeverityTable.defaults(), ServiceRoutes.none(), 16_384,
        Clock.systemUTC());

    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
    assertThat(alert.sourceSeverity()).isEqualTo("INSUFFICIENT_DATA");
    assertThat(alert.summary()).isEqualTo("orders-queue-depth");
    assertThat(alert.labels()).containsEntry("region", "eu-west-1").containsEntry("dimension_QueueName", "orders-production");
    assertThat(((AlertRaised) normaliser.normalise(alert).event()).getSeverity()).isEqualTo(Severity.SEV3);
  }

  @Test
  void insufficientDataCanBeConfiguredToResolveOrToBeIgnored() {
    String message = fixture("alarm-state-insufficient-data.json");

    assertThat(read(new CloudWatchAlarmReader(InsufficientDataPolicy.RESOLVED), message, null))
        .hasValueSatisfying(alert -> assertThat(alert.state()).isEqualTo(AlertState.RESOLVED));
    assertThat(read(new CloudWatchAlarmReader(InsufficientDataPolicy.IGNORE), message, null)).isEmpty();
  }

  @Test
  void aCompositeAlarmHasNoMetricLabelsButStillItsIdentity() {
    InboundAlert alert = read(reader, fixture("alarm-composite.json"), null).orElseThrow();

    assertThat(alert.dedupKey()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-degraded");
    assertThat(alert.labels()).containsOnlyKeys("alarm_name", "account", "region");
  }

  @Test
  void anAlarmWithoutArnGetsAStableKeyFromAccountRegionAndName() {
    InboundAlert alert = read(reader, fixture("alarm-legacy-without-arn.json"), null).orElseThrow();

    assertThat(alert.dedupKey()).isEqualTo("cloudwatch:237471159969:EU - Ireland:OhHo4oop:cpuhigh:i-24be746e");
    assertThat(alert.labels()).containsEntry("region", "EU - Ireland").containsEntry("dimension_InstanceId", "i-24be746e");
    assertThat(alert.externalUrl()).isNull();
    assertThat(alert.annotations()).containsEntry("unit", "Percent");
  }

  @Test
  void accountComesFromTheArnWhenTheMessageOmitsIt() {
    Map<String, Object> alarm = alarm("alarm-state-alarm.json");
    alarm.remove("AWSAccountId");

    assertThat(read(reader, json(alarm), null)).hasValueSatisfying(
        alert -> assertThat(alert.source()).isEqualTo("cloudwatch:123456789012"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void dimensionNamesBecomeLabelNamesRoutingMatchersAccept() {
    Map<String, Object> alarm = alarm("alarm-state-alarm.json");
    ((Map<String, Object>) alarm.get("Trigger")).put("Dimensions",
        List.of(Map.of("name", "service.name", "value", "checkout"), Map.of("name", "Env-Tier", "value", "prod")));

    assertThat(read(reader, json(alarm), null).orElseThrow().labels())
        .containsEntry("dimension_service_name", "checkout")
        .containsEntry("dimension_Env_Tier", "prod");
  }

  @Test
  void theSummaryIsOneLineOfAtMost1024Characters() {
    Map<String, Object> alarm = alarm("alarm-state-alarm.json");
    alarm.put("AlarmDescription", "line one\r\n\tline two " + "x".repeat(2000));

    String summary = read(reader, json(alarm), null).orElseThrow().summary();
    assertThat(summary).startsWith("checkout-api-5xx: line one line two xxx").hasSize(1024).doesNotContain("\n");
  }

  @Test
  void readsStateChangeTimeInCloudWatchsFormatAndInIso() {
    assertThat(CloudWatchAlarmReader.instant("2025-09-16T16:59:17.131+0000")).contains(Instant.parse("2025-09-16T16:59:17.131Z"));
    assertThat(CloudWatchAlarmReader.instant("2025-09-16T18:59:17.131+02:00")).contains(Instant.parse("2025-09-16T16:59:17.131Z"));
    assertThat(CloudWatchAlarmReader.instant("2025-09-16T16:59:17Z")).contains(Instant.parse("2025-09-16T16:59:17Z"));
    assertThat(CloudWatchAlarmReader.instant("2025-09-16T16:59:17")).isEmpty();
    assertThat(CloudWatchAlarmReader.instant("yesterday")).isEmpty();
  }

  @Test
  void reportsEveryProblemOfAMessageThatIsNotAnAlarm() {
    CloudWatchAlarm alarm = reader.parse("{\"NewStateValue\":\"FIRING\",\"AlarmArn\":\"checkout\",\"StateChangeTime\":\"soon\"}");

    assertThat(reader.problems(alarm)).containsExactly(
        "AlarmName is required",
        "NewStateValue 'FIRING' is not one of ALARM, OK, INSUFFICIENT_DATA",
        "AlarmArn 'checkout' is not a CloudWatch alarm ARN",
        "StateChangeTime 'soon' is not a timestamp");
    assertThat(reader.problems(reader.parse("{}"))).contains("AWSAccountId or AlarmArn is required");
  }

  @Test
  void aMessageThatIsNotJsonIsRefusedWithTheReason() {
    assertThatThrownBy(() -> reader.parse("Hello world!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Message is not CloudWatch alarm JSON");
    assertThatThrownBy(() -> reader.parse("{\"AlarmName\":{\"nested\":true}}"))
        .hasMessageStartingWith("Message is not CloudWatch alarm JSON");
    assertThatThrownBy(() -> reader.parse("null")).hasMessageStartingWith("Message is not CloudWatch alarm JSON");
  }

  private static Optional<InboundAlert> read(CloudWatchAlarmReader reader, String message, String service) {
    CloudWatchAlarm alarm = reader.parse(message);
    assertThat(reader.problems(alarm)).isEmpty();
    return reader.read(alarm, "cloudwatch-prod", service, ENVELOPE);
  }
}
