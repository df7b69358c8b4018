package io.codelibra.lifeline.ingest.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.ingest.alert.AlertState;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.generic.GenericAlertReader;
import io.codelibra.lifeline.ingest.severity.SeverityTable;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryClient;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryException;
import io.codelibra.lifeline.schemas.serde.WireFormat;
import io.codelibra.lifeline.testing.kafka.SampleEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Each kind of record on alerts.inbound: read as an alert, or rejected with its own reason. */
class InboundRecordReaderTest {

  private static final String TOPIC = "alerts.inbound";
  private static final int ALERT_RAISED_ID = 7;
  private static final int INCIDENT_OPENED_ID = 8;
  private static final int PROTOBUF_ID = 9;

  /** A registry in memory: the ids above, 40403 for any other, or unreachable when asked to be. */
  private static final class InMemoryRegistry extends SchemaRegistryClient {
    private boolean reachable = true;
    private boolean wrongUrl = false;

    InMemoryRegistry() {
      super("http://registry.invalid");
    }

    @Override
    public Schema schemaById(int id) {
      if (!reachable) {
        throw new SchemaRegistryException("schema registry http://registry.invalid unreachable",
            new ConnectException("Connection refused"));
      }
      if (wrongUrl) {
        throw new SchemaRegistryException(404, 404, "GET schemas/ids/" + id + ": <html>Not Found</html>");
      }
      return switch (id) {
        case ALERT_RAISED_ID -> AlertRaised.getClassSchema();
        case INCIDENT_OPENED_ID -> IncidentOpened.getClassSchema();
        case PROTOBUF_ID -> new Schema.Parser().parse("syntax = \"proto3\"; message Alert { string summary = 1; }");
        default -> throw new SchemaRegistryException(404, 40403, "GET schemas/ids/" + id + ": Schema not found");
      };
    }
  }

  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final InboundRecordReader reader =
      new InboundRecordReader(new GenericAlertReader(SeverityTable.defaults()), registry, 4096);

  @Test
  void aGenericJsonAlertIsReadAsAKafkaAlertKeepingItsSourceAndPayload() {
    String json = """
        {"summary":"checkout p99 above 2s","source":"synthetic-probe","severity":"critical",
         "dedupKey":"probe-42","labels":{"region":"us-east-1"},"annotations":{"runbook":"https://rb"}}""";

    InboundAlert alert = alertOf(reader.read(TOPIC, utf8(json)));

    assertThat(alert.sourceType()).isEqualTo(AlertSourceType.kafka);
    assertThat(alert.source()).isEqualTo("synthetic-probe");
    assertThat(alert.integration()).isEqualTo("kafka:alerts.inbound");
    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
    assertThat(alert.dedupKey()).isEqualTo("probe-42");
    assertThat(alert.sourceSeverity()).isEqualTo("critical");
    assertThat(alert.labels()).containsExactly(Map.entry("region", "us-east-1"));
    assertThat(alert.annotations()).containsEntry("runbook", "https://rb");
    assertThat(alert.rawPayload()).isEqualTo(json);
  }

  @Test
  void jsonMayStartWithWhitespaceOrAByteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] json = utf8(" \r\n\t{\"summary\":\"s\",\"source\":\"x\"}");

    assertThat(alertOf(reader.read(TOPIC, json)).summary()).isEqualTo("s");
    assertThat(alertOf(reader.read(TOPIC, concat(bom, json))).summary()).isEqualTo("s");
  }

  @Test
  void aResolvedGenericAlertStaysResolved() {
    InboundAlert alert = alertOf(reader.read(TOPIC, utf8("""
        {"summary":"disk full","source":"node-1","status":"resolved","dedupKey":"disk-1"}""")));

    assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void anAvroAlertRaisedIsReadWithItsFingerprintAsDedupKeyAndItsSeverityAsSourceSeverity() {
    AlertRaised sent = AlertRaised.newBuilder(SampleEvents.alertRaised("team-a:disk-full"))
        .setSource("team-a-monitor")
        .setSeverity(Severity.SEV3)
        .setSourceSeverity("minor")
        .setLabels(Map.of("team", "a"))
        .setService(null)
        .build();

    InboundAlert alert = alertOf(reader.read(TOPIC, framed(ALERT_RAISED_ID, sent)));

    assertThat(alert.sourceType()).isEqualTo(AlertSourceType.kafka);
    assertThat(alert.source()).isEqualTo("team-a-monitor");
    assertThat(alert.dedupKey()).isEqualTo("team-a:disk-full");
    assertThat(alert.sourceSeverity()).isEqualTo("SEV3");
    assertThat(alert.summary()).isEqualTo(sent.getSummary());
    assertThat(alert.labels()).isEqualTo(Map.of("team", "a"));
    assertThat(alert.service()).as("routed by labels when the sender names no service").isNull();
    assertThat(alert.rawPayload()).contains("team-a:disk-full");
  }

  @Test
  void anAvroAlertRaisedWithoutASourceIsAttributedToTheTopic() {
    AlertRaised sent = AlertRaised.newBuilder(SampleEvents.alertRaised("fp")).setSource(" ").build();

    assertThat(alertOf(reader.read(TOPIC, framed(ALERT_RAISED_ID, sent))).source()).isEqualTo("kafka:alerts.inbound");
  }

  @Test
  void garbageIsAnUnrecognisedFormat() {
    assertRejected(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, RejectionReason.UNRECOGNISED_FORMAT,
        "0xde");
    assertRejected(utf8("summary=disk full"), RejectionReason.UNRECOGNISED_FORMAT, "neither");
  }

  @Test
  void noValueOrOnlyWhitespaceIsEmpty() {
    assertRejected(null, RejectionReason.EMPTY_VALUE, "no value");
    assertRejected(new byte[0], RejectionReason.EMPTY_VALUE, "no value");
    assertRejected(utf8(" \n "), RejectionReason.EMPTY_VALUE, "whitespace");
  }

  @Test
  void aJsonArrayOrScalarIsNotAnAlertObject() {
    assertRejected(utf8("[{\"summary\":\"s\",\"source\":\"x\"}]"), RejectionReason.JSON_NOT_OBJECT, "JSON array");
    assertRejected(utf8("\"disk full\""), RejectionReason.JSON_NOT_OBJECT, "JSON string");
    assertRejected(utf8("42"), RejectionReason.JSON_NOT_OBJECT, "JSON number");
    assertRejected(utf8("null"), RejectionReason.JSON_NOT_OBJECT, "JSON null");
  }

  @Test
  void brokenJsonOrTwoObjectsInOneRecordIsMalformed() {
    assertRejected(utf8("{\"summary\": \"disk"), RejectionReason.MALFORMED_JSON, "well-formed");
    assertRejected(utf8("{\"summary\":\"a\",\"source\":\"x\"}{\"summary\":\"b\",\"source\":\"x\"}"),
        RejectionReason.MALFORMED_JSON, "Trailing token");
  }

  @Test
  void anObjectMissingSummaryAndSourceIsAnInvalidAlertNamingBoth() {
    assertRejected(utf8("{\"severity\":\"urgent\"}"), RejectionReason.INVALID_ALERT,
        "summary is required", "source is required", "severity 'urgent'");
  }

  @Test
  void fieldsOfTheWrongShapeMakeAnInvalidAlert() {
    assertRejected(utf8("{\"summary\":\"s\",\"source\":\"x\",\"labels\":[\"a\"]}"), RejectionReason.INVALID_ALERT,
        "not a Lifeline generic alert");
    assertRejected(utf8("{\"summary\":\"s\",\"source\":\"x\",\"labels\":{\"team\":null}}"),
        RejectionReason.INVALID_ALERT, "labels.team must be a string");
    assertRejected(utf8("{\"summary\":\"s\",\"source\":\"x\",\"priority\":1}"), RejectionReason.INVALID_ALERT,
        "priority");
  }

  @Test
  void aRejectionMessageNeverEchoesAHugeFieldWhole() {
    InboundRecord.Rejected rejected = (InboundRecord.Rejected) reader.read(TOPIC,
        utf8("{\"summary\":\"s\",\"source\":\"x\",\"severity\":\"" + "w".repeat(3000) + "\"}"));
    InvalidInboundRecordException invalid = new InvalidInboundRecordException(rejected.reason(), rejected.message());

    assertThat(invalid.reason()).isEqualTo(RejectionReason.INVALID_ALERT);
    assertThat(invalid.getMessage()).startsWith("severity 'www").hasSizeLessThanOrEqualTo(2003);
  }

  @Test
  void aWireFormatRecordWithASchemaIdTheRegistryDoesNotKnowIsUnknownSchema() {
    assertRejected(framed(4242, SampleEvents.alertRaised("fp")), RejectionReason.UNKNOWN_SCHEMA, "schema id 4242");
  }

  @Test
  void aWireFormatRecordOfAnotherEventTypeIsNotAlertRaised() {
    assertRejected(framed(INCIDENT_OPENED_ID, SampleEvents.incidentOpened("inc-1")), RejectionReason.NOT_ALERT_RAISED,
        "io.codelibra.lifeline.events.IncidentOpened");
  }

  @Test
  void aWireFormatRecordWhoseSchemaIsNotAvroIsNotAlertRaised() {
    assertRejected(framed(PROTOBUF_ID, SampleEvents.alertRaised("fp")), RejectionReason.NOT_ALERT_RAISED,
        "not an Avro schema");
  }

  @Test
  void aWireFormatRecordCutShortOrWithABodyThatDoesNotDecodeIsUndecodable() {
    byte[] alert = framed(ALERT_RAISED_ID, SampleEvents.alertRaised("fp"));

    assertRejected(new byte[] {0, 0, 0}, RejectionReason.UNDECODABLE_AVRO, "too short");
    assertRejected(Arrays.copyOf(alert, alert.length / 2), RejectionReason.UNDECODABLE_AVRO, "schema id 7");
    assertRejected(concat(header(ALERT_RAISED_ID), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}),
        RejectionReason.UNDECODABLE_AVRO, "does not decode with schema id 7");
  }

  @Test
  void anAvroAlertRaisedWithABlankSummaryIsAnInvalidAlert() {
    AlertRaised sent = AlertRaised.newBuilder(SampleEvents.alertRaised("fp")).setSummary("").build();

    assertRejected(framed(ALERT_RAISED_ID, sent), RejectionReason.INVALID_ALERT, "summary is required");
  }

  @Test
  void aValueOverTheLimitIsTooLargeWhateverItHolds() {
    byte[] big = utf8("{\"summary\":\"s\",\"source\":\"x\",\"details\":\"" + "x".repeat(4096) + "\"}");

    assertRejected(big, RejectionReason.TOO_LARGE, big.length + " bytes", "limit of 4096 bytes");
    assertThat(reader.read(TOPIC, Arrays.copyOf(big, 4096))).isInstanceOf(InboundRecord.Rejected.class)
        .extracting(rejected -> ((InboundRecord.Rejected) rejected).reason()).isNotEqualTo(RejectionReason.TOO_LARGE);
  }

  @Test
  void anUnreachableRegistryIsThrownForARetryNeverTakenForABadRecord() {
    registry.reachable = false;

    assertThatThrownBy(() -> reader.read(TOPIC, framed(ALERT_RAISED_ID, SampleEvents.alertRaised("fp"))))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void aBare404FromTheRegistryIsRetriedNotTakenForAnUnknownSchema() {
    registry.wrongUrl = true;

    assertThatThrownBy(() -> reader.read(TOPIC, framed(4242, SampleEvents.alertRaised("fp"))))
        .isInstanceOf(SchemaRegistryException.class);
  }

  private static InboundAlert alertOf(InboundRecord record) {
    assertThat(record).isInstanceOf(InboundRecord.Alert.class);
    return ((InboundRecord.Alert) record).alert();
  }

  private void assertRejected(byte[] value, RejectionReason reason, String... messageParts) {
    InboundRecord record = reader.read(TOPIC, value);
    assertThat(record).isInstanceOf(InboundRecord.Rejected.class);
    InboundRecord.Rejected rejected = (InboundRecord.Rejected) record;
    assertThat(rejected.reason()).as(rejected.message()).isEqualTo(reason);
    assertThat(rejected.message()).contains(messageParts);
  }

  /** The registry wire format, written by hand so the test does not depend on the serializer. */
  static byte[] framed(int schemaId, SpecificRecord event) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(header(schemaId));
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] header(int schemaId) {
    return ByteBuffer.allocate(WireFormat.HEADER_LENGTH).put(WireFormat.MAGIC_BYTE).putInt(schemaId).array();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
