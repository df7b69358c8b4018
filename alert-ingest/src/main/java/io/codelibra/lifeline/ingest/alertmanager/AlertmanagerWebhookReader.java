package io.codelibra.lifeline.ingest.alertmanager;

import io.codelibra.lifeline.ingest.http.IngestJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.ingest.alert.AlertState;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Validates an Alertmanager webhook (payload version 4) and reads each alert of the group as one
 * {@link InboundAlert}. Returns every problem at once; {@link #read} expects a payload without any.
 */
public class AlertmanagerWebhookReader {

  public static final String SUPPORTED_VERSION = "4";
  static final int MAX_SUMMARY_LENGTH = 1024;
  static final String SOURCE_PREFIX = "alertmanager:";

  /** Go's zero time ("0001-01-01T00:00:00Z") is how Alertmanager says "not set". */
  private static final Instant UNSET_BEFORE = Instant.parse("0002-01-01T00:00:00Z");

  private final ObjectMapper json = IngestJson.mapper();

  /** The problems with the payload; empty when every alert of it can be accepted. */
  public List<String> problems(JsonNode webhook) {
    List<String> errors = new ArrayList<>();
    if (webhook == null || !webhook.isObject()) {
      errors.add("the body must be a JSON object: Alertmanager's webhook payload");
      return errors;
    }
    JsonNode version = present(webhook, "version");
    if (version == null) {
      errors.add("version is required; only Alertmanager webhook payload version " + SUPPORTED_VERSION + " is supported");
    } else if (!SUPPORTED_VERSION.equals(version.asText())) {
      errors.add("version '" + version.asText() + "' is not supported; only payload version " + SUPPORTED_VERSION + " is");
    }
    requireText(webhook, "receiver", "receiver", errors);
    requireStatus(webhook, "status", errors);
    requireText(webhook, "groupKey", "groupKey", errors);
    JsonNode truncated = present(webhook, "truncatedAlerts");
    if (truncated != null && (!truncated.isIntegralNumber() || truncated.asLong() < 0)) {
      errors.add("truncatedAlerts must be a whole number, 0 or more");
    }
    for (String map : List.of("groupLabels", "commonLabels", "commonAnnotations")) {
      optionalStringMap(webhook, map, map, errors);
    }
    optionalText(webhook, "externalURL", "externalURL", errors);
    JsonNode alerts = present(webhook, "alerts");
    if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
      errors.add("alerts must be a non-empty array");
      return errors;
    }
    for (int i = 0; i < alerts.size(); i++) {
      alertProblems(alerts.get(i), "alerts[" + i + "]", errors);
    }
    return errors;
  }

  private static void alertProblems(JsonNode alert, String at, List<String> errors) {
    if (!alert.isObject()) {
      errors.add(at + " must be an object");
      return;
    }
    requireStatus(alert, at + ".status", errors);
    JsonNode labels = present(alert, "labels");
    if (labels == null) {
      errors.add(at + ".labels is required");
    } else if (!isStringMap(labels)) {
      errors.add(at + ".labels must be an object of string values");
    } else if (labels.isEmpty()) {
      errors.add(at + ".labels must not be empty");
    }
    optionalStringMap(alert, "annotations", at + ".annotations", errors);
    JsonNode startsAt = present(alert, "startsAt");
    if (startsAt == null) {
      errors.add(at + ".startsAt is required");
    } else {
      timeProblem(startsAt, at + ".startsAt", errors);
    }
    JsonNode endsAt = present(alert, "endsAt");
    if (endsAt != null) {
      timeProblem(endsAt, at + ".endsAt", errors);
    }
    optionalText(alert, "generatorURL", at + ".generatorURL", errors);
    optionalText(alert, "fingerprint", at + ".fingerprint", errors);
  }

  /**
   * Reads every alert of a payload whose {@link #problems} are empty.
   *
   * @param integration the authenticated integration's name
   * @param service the integration's service, or null to route by labels
   */
  public List<InboundAlert> read(JsonNode webhook, String integration, String service) {
    String source = SOURCE_PREFIX + webhook.get("receiver").asText();
    String groupKey = webhook.get("groupKey").asText();
    String groupUrl = blankToNull(textOrNull(webhook, "externalURL"));
    List<InboundAlert> alerts = new ArrayList<>();
    for (JsonNode alert : webhook.get("alerts")) {
      Map<String, String> labels = stringMap(present(alert, "labels"));
      Map<String, String> annotations = stringMap(present(alert, "annotations"));
      String fingerprint = blankToNull(textOrNull(alert, "fingerprint"));
      AlertState state = "resolved".equals(alert.get("status").asText()) ? AlertState.RESOLVED : AlertState.FIRING;
      String generatorUrl = blankToNull(textOrNull(alert, "generatorURL"));
      alerts.add(new InboundAlert(
          AlertSourceType.alertmanager,
          source,
          integration,
          state,
          SOURCE_PREFIX + (fingerprint != null ? fingerprint : AlertmanagerFingerprint.of(labels)),
          summaryOf(labels, annotations),
          // On a resolved alert the description says why it fired, not why it stopped: no reason.
          state == AlertState.FIRING ? blankToNull(annotations.get("description")) : null,
          blankToNull(labels.get("severity")),
          labels,
          annotations,
          generatorUrl != null ? generatorUrl : groupUrl,
          timeOrNull(alert, "startsAt"),
          timeOrNull(alert, "endsAt"),
          service,
          rawPayloadOf(groupKey, alert)));
    }
    return alerts;
  }

  /** annotations.summary, else the description's first line, else the alertname, else the label set. */
  static String summaryOf(Map<String, String> labels, Map<String, String> annotations) {
    String summary = blankToNull(annotations.get("summary"));
    if (summary == null && blankToNull(annotations.get("description")) != null) {
      summary = annotations.get("description").strip().lines().findFirst().orElseThrow().strip();
    }
    if (summary == null) {
      summary = blankToNull(labels.get("alertname"));
    }
    if (summary == null) {
      summary = new TreeMap<>(labels).entrySet().stream()
          .map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return summary.length() <= MAX_SUMMARY_LENGTH ? summary : summary.substring(0, MAX_SUMMARY_LENGTH - 1) + "…";
  }

  /** The one alert as sent, with its group's key, so the event keeps what this alert came with. */
  private String rawPayloadOf(String groupKey, JsonNode alert) {
    ObjectNode raw = json.createObjectNode();
    raw.put("groupKey", groupKey);
    raw.set("alert", alert);
    try {
      return json.writeValueAsString(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serialises", e);
    }
  }

  private static void requireStatus(JsonNode node, String at, List<String> errors) {
    JsonNode status = present(node, "status");
    if (status == null) {
      errors.add(at + " is required");
    } else if (!status.isTextual() || !List.of("firing", "resolved").contains(status.asText())) {
      errors.add(at + " '" + status.asText() + "' is not one of firing, resolved");
    }
  }

  private static void requireText(JsonNode node, String field, String at, List<String> errors) {
    JsonNode value = present(node, field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      errors.add(at + " is required");
    }
  }

  private static void optionalText(JsonNode node, String field, String at, List<String> errors) {
    JsonNode value = present(node, field);
    if (value != null && !value.isTextual()) {
      errors.add(at + " must be a string");
    }
  }

  private static void optionalStringMap(JsonNode node, String field, String at, List<String> errors) {
    JsonNode value = present(node, field);
    if (value != null && !isStringMap(value)) {
      errors.add(at + " must be an object of string values");
    }
  }

  private static void timeProblem(JsonNode time, String at, List<String> errors) {
    if (!time.isTextual() || parseTime(time.asText()) == null) {
      errors.add(at + " '" + time.asText() + "' is not an RFC 3339 time");
    }
  }

  private static boolean isStringMap(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    for (JsonNode value : node) {
      if (!value.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null) {
      node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    }
    return map;
  }

  /** The time, or null when absent or Go's zero time. */
  private static Instant timeOrNull(JsonNode node, String field) {
    JsonNode value = present(node, field);
    if (value == null) {
      return null;
    }
    Instant time = parseTime(value.asText());
    return time == null || time.isBefore(UNSET_BEFORE) ? null : time;
  }

  private static Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The field's value; JSON null counts as absent (Go marshals an empty map as null). */
  private static JsonNode present(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = present(node, field);
    return value == null ? null : value.asText();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
