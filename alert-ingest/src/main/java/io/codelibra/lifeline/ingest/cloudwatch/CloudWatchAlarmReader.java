package io.codelibra.lifeline.ingest.cloudwatch;

import io.codelibra.lifeline.ingest.http.IngestJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.ingest.alert.AlertState;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.generic.GenericAlertReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CloudWatch alarm state change as an {@link InboundAlert}: ALARM fires, OK resolves,
 * INSUFFICIENT_DATA follows the configured {@link InsufficientDataPolicy}. The alarm ARN is the
 * dedup key, so every state change of one alarm lands on the same fingerprint.
 */
public final class CloudWatchAlarmReader {

  /** CloudWatch writes {@code 2025-09-16T16:59:17.131+0000}; ISO forms with Z or +00:00 are taken too. */
  private static final DateTimeFormatter STATE_CHANGE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .appendPattern("[XXX][XX][X]")
      .toFormatter();

  private final ObjectMapper json = IngestJson.mapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final InsufficientDataPolicy insufficientData;

  public CloudWatchAlarmReader(InsufficientDataPolicy insufficientData) {
    this.insufficientData = insufficientData;
  }

  /** @throws IllegalArgumentException when the text is not a JSON object of the alarm's shape */
  public CloudWatchAlarm parse(String message) {
    try {
      CloudWatchAlarm alarm = message == null ? null : json.readValue(message, CloudWatchAlarm.class);
      if (alarm == null) {
        throw new IllegalArgumentException("Message is not CloudWatch alarm JSON: it is empty");
      }
      return alarm;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Message is not CloudWatch alarm JSON: " + e.getOriginalMessage());
    }
  }

  /** Everything that keeps the alarm from being read; empty when it can be. */
  public List<String> problems(CloudWatchAlarm alarm) {
    List<String> problems = new ArrayList<>();
    if (isBlank(alarm.alarmName())) {
      problems.add("AlarmName is required");
    }
    if (isBlank(alarm.newStateValue())) {
      problems.add("NewStateValue is required");
    } else if (!List.of("ALARM", "OK", "INSUFFICIENT_DATA").contains(alarm.newStateValue())) {
      problems.add("NewStateValue '" + alarm.newStateValue() + "' is not one of ALARM, OK, INSUFFICIENT_DATA");
    }
    if (!isBlank(alarm.alarmArn()) && AlarmArn.parse(alarm.alarmArn()).isEmpty()) {
      problems.add("AlarmArn '" + alarm.alarmArn() + "' is not a CloudWatch alarm ARN");
    }
    if (isBlank(alarm.awsAccountId()) && isBlank(alarm.alarmArn())) {
      problems.add("AWSAccountId or AlarmArn is required");
    }
    if (!isBlank(alarm.stateChangeTime()) && instant(alarm.stateChangeTime()).isEmpty()) {
      problems.add("StateChangeTime '" + alarm.stateChangeTime() + "' is not a timestamp");
    }
    return problems;
  }

  /**
   * Reads an alarm whose {@link #problems} are empty; empty when the policy ignores its state.
   *
   * @param service the integration's service, or null to route by labels
   * @param rawPayload the SNS envelope the alarm came in
   */
  public Optional<InboundAlert> read(CloudWatchAlarm alarm, String integration, String service, String rawPayload) {
    Optional<AlertState> state = switch (alarm.newStateValue()) {
      case "ALARM" -> Optional.of(AlertState.FIRING);
      case "OK" -> Optional.of(AlertState.RESOLVED);
      default -> switch (insufficientData) {
        case FIRING -> Optional.of(AlertState.FIRING);
        case RESOLVED -> Optional.of(AlertState.RESOLVED);
        case IGNORE -> Optional.empty();
      };
    };
    if (state.isEmpty()) {
      return Optional.empty();
    }
    Optional<AlarmArn> arn = isBlank(alarm.alarmArn()) ? Optional.empty() : AlarmArn.parse(alarm.alarmArn());
    String account = !isBlank(alarm.awsAccountId()) ? alarm.awsAccountId() : arn.orElseThrow().account();
    String region = arn.map(AlarmArn::region).orElse(blankToNull(alarm.region()));
    String dedupKey = arn.isPresent()
        ? alarm.alarmArn()
        : "cloudwatch:" + account + ":" + (region == null ? "" : region) + ":" + alarm.alarmName();
    Instant changedAt = isBlank(alarm.stateChangeTime()) ? null : instant(alarm.stateChangeTime()).orElseThrow();
    boolean firing = state.get() == AlertState.FIRING;
    return Optional.of(new InboundAlert(AlertSourceType.cloudwatch, "cloudwatch:" + account, integration,
        state.get(), dedupKey, summary(alarm), blankToNull(alarm.newStateReason()), alarm.newStateValue(),
        labels(alarm, account, region), annotations(alarm), arn.flatMap(CloudWatchAlarmReader::consoleUrl).orElse(null),
        firing ? changedAt : null, firing ? null : changedAt, service, rawPayload));
  }

  private static String summary(CloudWatchAlarm alarm) {
    String summary = alarm.alarmName();
    if (!isBlank(alarm.alarmDescription())) {
      // The description may span lines; the summary is one line, the full text stays an annotation.
      summary += ": " + alarm.alarmDescription().replaceAll("\\s+", " ").strip();
    }
    return summary.length() > GenericAlertReader.MAX_SUMMARY_LENGTH
        ? summary.substring(0, GenericAlertReader.MAX_SUMMARY_LENGTH)
        : summary;
  }

  private static Map<String, String> labels(CloudWatchAlarm alarm, String account, String region) {
    Map<String, String> labels = new LinkedHashMap<>();
    put(labels, "alarm_name", alarm.alarmName());
    put(labels, "account", account);
    put(labels, "region", region);
    if (alarm.trigger() != null) {
      put(labels, "namespace", alarm.trigger().namespace());
      put(labels, "metric_name", alarm.trigger().metricName());
      if (alarm.trigger().dimensions() != null) {
        for (CloudWatchAlarm.Dimension dimension : alarm.trigger().dimensions()) {
          if (dimension != null && !isBlank(dimension.name())) {
            // Label names as routing matchers accept them: [a-zA-Z0-9_].
            put(labels, "dimension_" + dimension.name().replaceAll("[^A-Za-z0-9_]", "_"), dimension.value());
          }
        }
      }
    }
    return labels;
  }

  private static Map<String, String> annotations(CloudWatchAlarm alarm) {
    Map<String, String> annotations = new LinkedHashMap<>();
    put(annotations, "description", alarm.alarmDescription());
    put(annotations, "region_name", alarm.region());
    put(annotations, "old_state", alarm.oldStateValue());
    put(annotations, "state_change_time", alarm.stateChangeTime());
    CloudWatchAlarm.Trigger trigger = alarm.trigger();
    if (trigger != null) {
      put(annotations, "statistic", isBlank(trigger.statistic()) ? trigger.extendedStatistic() : trigger.statistic());
      put(annotations, "comparison_operator", trigger.comparisonOperator());
      put(annotations, "threshold", trigger.threshold());
      put(annotations, "period", trigger.period());
      put(annotations, "evaluation_periods", trigger.evaluationPeriods());
      put(annotations, "unit", trigger.unit());
    }
    return annotations;
  }

  /** The alarm in the CloudWatch console of its partition, when Lifeline knows the console's address. */
  private static Optional<String> consoleUrl(AlarmArn arn) {
    String console = switch (arn.partition()) {
      case "aws" -> "https://console.aws.amazon.com";
      case "aws-cn" -> "https://console.amazonaws.cn";
      case "aws-us-gov" -> "https://console.amazonaws-us-gov.com";
      default -> null;
    };
    if (console == null) {
      return Optional.empty();
    }
    String name = URLEncoder.encode(arn.alarmName(), StandardCharsets.UTF_8).replace("+", "%20");
    return Optional.of(console + "/cloudwatch/home?region=" + arn.region() + "#alarmsV2:alarm/" + name);
  }

  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(STATE_CHANGE_TIME.parse(text.trim(), Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (!isBlank(value)) {
      map.put(key, value);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value;
  }

  /** {@code arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>}; the name may contain colons. */
  record AlarmArn(String partition, String region, String account, String alarmName) {

    static Optional<AlarmArn> parse(String arn) {
      String[] parts = arn.split(":", 7);
      if (parts.length != 7 || !parts[0].equals("arn") || !parts[2].equals("cloudwatch") || !parts[5].equals("alarm")
          || parts[1].isBlank() || parts[3].isBlank() || parts[4].isBlank() || parts[6].isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new AlarmArn(parts[1], parts[3], parts[4], parts[6]));
    }
  }
}
