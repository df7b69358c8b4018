package io.codelibra.lifeline.ingest.inbound;

import io.codelibra.lifeline.ingest.http.IngestJson;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.ingest.alert.AlertState;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.generic.GenericAlert;
import io.codelibra.lifeline.ingest.generic.GenericAlertReader;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryClient;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryException;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads the value of a record on {@code alerts.inbound}: Lifeline's generic JSON (one object per record)
 * or an {@link AlertRaised} in the registry wire format, told apart by the first byte. Pure apart from
 * the registry look-up: it never publishes, commits or retries.
 *
 * <p>A record that can never become an alert is {@link InboundRecord.Rejected}. A registry that cannot
 * be asked right now is not the record's fault: that {@link SchemaRegistryException} is thrown, so the
 * caller retries instead of dead-lettering a record that may be perfectly valid.
 */
public class InboundRecordReader {

  private static final String ALERT_RAISED = AlertRaised.getClassSchema().getFullName();
  /** Confluent's error code for an unknown schema id (also Karapace's and Apicurio's). */
  private static final int SCHEMA_NOT_FOUND = 40403;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final GenericAlertReader genericAlerts;
  private final SchemaRegistryClient registry;
  private final LifelineAvroDeserializer avro;
  private final long maxBytes;
  private final ObjectMapper json = IngestJson.mapper();

  /**
   * @param maxBytes largest value accepted ({@code lifeline.ingest.max-body-size}); larger ones are rejected unread
   */
  public InboundRecordReader(GenericAlertReader genericAlerts, SchemaRegistryClient registry, long maxBytes) {
    this.genericAlerts = genericAlerts;
    this.registry = registry;
    this.avro = new LifelineAvroDeserializer(registry);
    this.maxBytes = maxBytes;
  }

  /**
   * @param topic the topic the record came from: its alerts get {@code kafka:<topic>} as integration
   * @throws SchemaRegistryException the registry could not be asked (unreachable, 5xx, refused): retry later
   */
  public InboundRecord read(String topic, byte[] value) {
    if (value != null && value.length > maxBytes) {
      return rejected(RejectionReason.TOO_LARGE,
          "the value is " + value.length + " bytes, larger than the limit of " + maxBytes + " bytes");
    }
    if (value == null || value.length == 0) {
      return rejected(RejectionReason.EMPTY_VALUE, "the record has no value; send one alert per record");
    }
    if (value[0] == WireFormat.MAGIC_BYTE) {
      return readWireFormat(topic, value);
    }
    int first = firstSignificantByte(value);
    if (first == value.length) {
      return rejected(RejectionReason.EMPTY_VALUE, "the value is only whitespace; send one alert per record");
    }
    return readJson(topic, value, value[first] == '{');
  }

  private InboundRecord readJson(String topic, byte[] value, boolean looksLikeObject) {
    JsonNode node;
    try {
      node = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(value);
    } catch (IOException e) {
      if (!looksLikeObject) {
        return rejected(RejectionReason.UNRECOGNISED_FORMAT, "the value starts with byte 0x"
            + HexFormat.of().toHexDigits(value[firstSignificantByte(value)])
            + ": neither the schema registry wire format (magic byte 0) nor a JSON object ('{')");
      }
      return rejected(RejectionReason.MALFORMED_JSON, "not one well-formed JSON object: " + messageOf(e));
    }
    if (node == null || !node.isObject()) {
      String type = node == null ? "null" : node.getNodeType().name().toLowerCase(Locale.ROOT);
      return rejected(RejectionReason.JSON_NOT_OBJECT,
          "the value is a JSON " + type + ", not an alert object; send one JSON object per record");
    }
    GenericAlert alert;
    try {
      alert = json.readerFor(GenericAlert.class).readValue(node);
    } catch (IOException e) {
      // Well-formed JSON whose fields have the wrong shape (labels not an object, an unknown field...).
      return rejected(RejectionReason.INVALID_ALERT, "not a Lifeline generic alert: " + messageOf(e));
    }
    List<String> problems = new ArrayList<>(genericAlerts.problems(alert));
    problems.addAll(nullEntries("labels", alert.labels()));
    problems.addAll(nullEntries("annotations", alert.annotations()));
    if (!problems.isEmpty()) {
      return rejected(RejectionReason.INVALID_ALERT, String.join("; ", problems));
    }
    return new InboundRecord.Alert(genericAlerts.read(alert, AlertSourceType.kafka, integrationOf(topic),
        new String(value, StandardCharsets.UTF_8)));
  }

  private InboundRecord readWireFormat(String topic, byte[] value) {
    if (value.length <= WireFormat.HEADER_LENGTH) {
      return rejected(RejectionReason.UNDECODABLE_AVRO, "the value is " + value.length
          + " bytes: too short for the 5-byte wire-format header and an Avro body");
    }
    int schemaId = WireFormat.schemaIdOf(value);
    Schema writer;
    try {
      writer = registry.schemaById(schemaId);
    } catch (SchemaRegistryException e) {
      // Only the registry's own "schema not found": a bare 404 is more likely a wrong registry URL, and
      // dead-lettering every Avro record for that would be wrong, so it is retried like an outage.
      if (e.errorCode() == SCHEMA_NOT_FOUND) {
        return rejected(RejectionReason.UNKNOWN_SCHEMA, "schema id " + schemaId + " is not in the schema registry");
      }
      throw e;
    } catch (SchemaParseException e) {
      return rejected(RejectionReason.NOT_ALERT_RAISED, "schema id " + schemaId + " is not an Avro schema");
    }
    if (!ALERT_RAISED.equals(writer.getFullName())) {
      return rejected(RejectionReason.NOT_ALERT_RAISED, "schema id " + schemaId + " is " + writer.getFullName()
          + ", not " + ALERT_RAISED);
    }
    SpecificRecord event;
    try {
      event = avro.deserialize(topic, value);
    } catch (SerializationException e) {
      if (e.getCause() instanceof SchemaRegistryException registryFailure) {
        throw registryFailure;
      }
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return rejected(RejectionReason.UNDECODABLE_AVRO, "the Avro body does not decode with schema id " + schemaId
          + " (" + ALERT_RAISED + "): " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
    if (!(event instanceof AlertRaised raised)) {
      return rejected(RejectionReason.NOT_ALERT_RAISED, "schema id " + schemaId + " decodes to "
          + event.getSchema().getFullName() + ", not " + ALERT_RAISED);
    }
    return readAlertRaised(topic, raised, value);
  }

  /**
   * The sender's AlertRaised goes through the same normalisation as every other source: its fingerprint
   * stays the dedup key, its SEV level becomes the source severity (so the table may still remap it),
   * and its service, if set, is honoured like a generic alert's.
   */
  private InboundRecord readAlertRaised(String topic, AlertRaised raised, byte[] value) {
    String summary = raised.getSummary();
    if (summary == null || summary.isBlank()) {
      return rejected(RejectionReason.INVALID_ALERT, "summary is required");
    }
    if (summary.length() > GenericAlertReader.MAX_SUMMARY_LENGTH) {
      return rejected(RejectionReason.INVALID_ALERT,
          "summary is longer than " + GenericAlertReader.MAX_SUMMARY_LENGTH + " characters");
    }
    String source = isBlank(raised.getSource()) ? integrationOf(topic) : raised.getSource();
    String raw = raised.getRawPayload() != null ? raised.getRawPayload() : raised.toString();
    return new InboundRecord.Alert(new InboundAlert(AlertSourceType.kafka, source, integrationOf(topic),
        AlertState.FIRING, blankToNull(raised.getFingerprint()), summary, raised.getDetails(),
        raised.getSeverity().name(), raised.getLabels(), raised.getAnnotations(), raised.getExternalUrl(),
        raised.getStartsAt(), null, blankToNull(raised.getService()), raw));
  }

  private static String messageOf(IOException e) {
    return e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
  }

  private static List<String> nullEntries(String field, Map<String, String> map) {
    if (map == null) {
      return List.of();
    }
    return map.entrySet().stream()
        .filter(entry -> entry.getValue() == null)
        .map(entry -> field + "." + entry.getKey() + " must be a string, not null")
        .toList();
  }

  /** Index of the first byte after an optional UTF-8 byte order mark and JSON whitespace. */
  private static int firstSignificantByte(byte[] value) {
    int index = startsWith(value, UTF8_BOM) ? UTF8_BOM.length : 0;
    while (index < value.length && isJsonWhitespace(value[index])) {
      index++;
    }
    return index;
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    return value.length >= prefix.length
        && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean isJsonWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static String integrationOf(String topic) {
    return "kafka:" + Objects.requireNonNullElse(topic, "unknown");
  }

  private static InboundRecord rejected(RejectionReason reason, String message) {
    return new InboundRecord.Rejected(reason, message);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value;
  }
}
