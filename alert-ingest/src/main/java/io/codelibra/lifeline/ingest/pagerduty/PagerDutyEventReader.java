package io.codelibra.lifeline.ingest.pagerduty;

import io.codelibra.lifeline.ingest.http.IngestJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.ingest.alert.AlertState;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Validates a PagerDuty Events API v2 alert event (trigger, acknowledge, resolve) the way PagerDuty
 * does and reads it as an {@link InboundAlert}. Returns every problem at once; {@link #read} expects
 * an event without any. The routing key is checked by the caller (it is the credential).
 */
public class PagerDutyEventReader {

  public static final int MAX_SUMMARY_LENGTH = 1024;
  public static final int MAX_DEDUP_KEY_LENGTH = 255;
  static final String SOURCE_PREFIX = "pagerduty:";
  static final List<String> ACTIONS = List.of("trigger", "acknowledge", "resolve");
  static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

  /** ISO 8601 as senders write it: PagerDuty's own example uses "+0000"; no offset means UTC. */
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter();

  private final Supplier<String> dedupKeys;
  private final ObjectMapper json = IngestJson.mapper();

  /** @param dedupKeys the key of a trigger sent without one (PagerDuty: a new random one each time) */
  public PagerDutyEventReader(Supplier<String> dedupKeys) {
    this.dedupKeys = dedupKeys;
  }

  /** A random UUID without dashes, as PagerDuty generates for a trigger without dedup_key. */
  public static String randomDedupKey() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** The routing key the event presents, or null when it has none. */
  public static String routingKeyOf(JsonNode event) {
    JsonNode key = present(event, "routing_key");
    return key != null && key.isTextual() ? key.asText() : null;
  }

  /** The problems with the event; empty when it can be accepted. */
  public List<String> problems(JsonNode event) {
    List<String> errors = new ArrayList<>();
    String action = textOrNull(event, "event_action");
    if (action == null || action.isBlank()) {
      errors.add("'event_action' is missing or blank");
    } else if (!ACTIONS.contains(action)) {
      errors.add("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
    }
    JsonNode dedupKey = present(event, "dedup_key");
    if (dedupKey != null && !dedupKey.isTextual()) {
      errors.add("'dedup_key' must be a string");
    } else if (dedupKey != null && dedupKey.asText().length() > MAX_DEDUP_KEY_LENGTH) {
      errors.add("'dedup_key' is too long (maximum is " + MAX_DEDUP_KEY_LENGTH + " characters)");
    } else if (("acknowledge".equals(action) || "resolve".equals(action))
        && (dedupKey == null || dedupKey.asText().isBlank())) {
      errors.add("'dedup_key' is missing or blank (required for acknowledge and resolve)");
    }
    JsonNode payload = present(event, "payload");
    if (payload != null && !payload.isObject()) {
      errors.add("'payload' must be an object");
      payload = null;
    }
    if ("trigger".equals(action)) {
      for (String required : List.of("summary", "source", "severity")) {
        JsonNode value = present(payload, required);
        if (value == null || value.isTextual() && value.asText().isBlank()) {
          errors.add("'payload." + required + "' is missing or blank");
        }
      }
      String severity = textOrNull(payload, "severity");
      if (severity != null && !severity.isBlank() && !SEVERITIES.contains(severity)) {
        errors.add("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
      }
    }
    if (payload != null) {
      payloadProblems(payload, errors);
    }
    contextProblems(event, "links", "href", errors);
    contextProblems(event, "images", "src", errors);
    for (String field : List.of("client", "client_url")) {
      JsonNode value = present(event, field);
      if (value != null && !value.isTextual()) {
        errors.add("'" + field + "' must be a string");
      }
    }
    return errors;
  }

  private static void payloadProblems(JsonNode payload, List<String> errors) {
    for (String field : List.of("summary", "source", "severity", "timestamp", "component", "group", "class")) {
      JsonNode value = present(payload, field);
      if (value != null && !value.isTextual()) {
        errors.add("'payload." + field + "' must be a string");
      }
    }
    String summary = textOrNull(payload, "summary");
    if (summary != null && summary.length() > MAX_SUMMARY_LENGTH) {
      errors.add("'payload.summary' is too long (maximum is " + MAX_SUMMARY_LENGTH + " characters)");
    }
    JsonNode timestamp = present(payload, "timestamp");
    if (timestamp != null && timestamp.isTextual() && parseTimestamp(timestamp.asText()) == null) {
      errors.add("'payload.timestamp' is invalid (must be an ISO 8601 date and time)");
    }
  }

  private static void contextProblems(JsonNode event, String field, String required, List<String> errors) {
    JsonNode items = present(event, field);
    if (items == null) {
      return;
    }
    if (!items.isArray()) {
      errors.add("'" + field + "' must be an array");
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        errors.add("'" + field + "[" + i + "]' must be an object");
      } else if (textOrNull(item, required) == null || textOrNull(item, required).isBlank()) {
        errors.add("'" + field + "[" + i + "]." + required + "' is missing or blank");
      }
    }
  }

  /**
   * Reads an event whose {@link #problems} are empty.
   *
   * @param integration the name of the integration the routing key belongs to
   * @param service that integration's service, or null to route by labels
   */
  public InboundAlert read(JsonNode event, String integration, String service) {
    AlertState state = switch (event.get("event_action").asText()) {
      case "trigger" -> AlertState.FIRING;
      case "acknowledge" -> AlertState.ACKNOWLEDGED;
      default -> AlertState.RESOLVED;
    };
    String dedupKey = textOrNull(event, "dedup_key");
    if (dedupKey == null || dedupKey.isBlank()) {
      dedupKey = dedupKeys.get();
    }
    JsonNode payload = present(event, "payload");
    Map<String, String> labels = new LinkedHashMap<>();
    for (String field : List.of("component", "group", "class", "source")) {
      String value = textOrNull(payload, field);
      if (value != null && !value.isBlank()) {
        labels.put(field, value);
      }
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    addContext(event, "links", "link", "href", annotations);
    addContext(event, "images", "image", "src", annotations);
    String client = blankToNull(textOrNull(event, "client"));
    if (client != null) {
      annotations.put("client", client);
    }
    String timestamp = blankToNull(textOrNull(payload, "timestamp"));
    Instant at = timestamp == null ? null : parseTimestamp(timestamp);
    return new InboundAlert(
        AlertSourceType.pagerduty,
        SOURCE_PREFIX + integration,
        integration,
        state,
        dedupKey,
        blankToNull(textOrNull(payload, "summary")),
        detailsOf(present(payload, "custom_details")),
        blankToNull(textOrNull(payload, "severity")),
        labels,
        annotations,
        blankToNull(textOrNull(event, "client_url")),
        state == AlertState.FIRING ? at : null,
        state == AlertState.RESOLVED ? at : null,
        service,
        rawPayloadOf(event));
  }

  /** custom_details may be any JSON: a string stays as it is, anything else becomes its JSON text. */
  private String detailsOf(JsonNode customDetails) {
    if (customDetails == null) {
      return null;
    }
    return customDetails.isTextual() ? blankToNull(customDetails.asText()) : write(customDetails);
  }

  /** links[n] and images[n] as "link.n"/"image.n": the bare URL, or the object's JSON when it has more. */
  private void addContext(JsonNode event, String field, String prefix, String url, Map<String, String> annotations) {
    JsonNode items = present(event, field);
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      boolean urlOnly = item.size() == 1;
      annotations.put(prefix + "." + i, urlOnly ? item.get(url).asText() : write(item));
    }
  }

  /** The event as sent, without its routing key: the key is a credential and events are widely read. */
  private String rawPayloadOf(JsonNode event) {
    ObjectNode raw = ((ObjectNode) event).deepCopy();
    raw.remove("routing_key");
    return write(raw);
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serialises", e);
    }
  }

  static Instant parseTimestamp(String text) {
    try {
      TemporalAccessor parsed = TIMESTAMP.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime withOffset
          ? withOffset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The field's value; JSON null (or no node at all) counts as absent. */
  private static JsonNode present(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = present(node, field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
