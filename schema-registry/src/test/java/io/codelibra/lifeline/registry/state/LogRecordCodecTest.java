package io.codelibra.lifeline.registry.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.registry.state.LogRecord.ConfigRecord;
import io.codelibra.lifeline.registry.state.LogRecord.DeleteSubjectRecord;
import io.codelibra.lifeline.registry.state.LogRecord.IgnoredRecord;
import io.codelibra.lifeline.registry.state.LogRecord.SchemaRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code _schemas} records are Confluent's JSON, byte for byte on the keys. */
class LogRecordCodecTest {

  private final LogRecordCodec codec = new LogRecordCodec();

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesSchemaRecordsInConfluentsFormat() {
    SchemaRecord record = SchemaRecord.of(new SchemaEntry("alerts-value", 2, 7, "\"string\"", false));

    assertThat(text(codec.encodeKey(record)))
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"alerts-value\",\"version\":2,\"magic\":1}");
    assertThat(text(codec.encodeValue(record)))
        .isEqualTo("{\"subject\":\"alerts-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
    assertThat(codec.encodeValue(SchemaRecord.tombstone("alerts-value", 2))).isNull();
  }

  @Test
  void writesConfigRecordsWithANullSubjectForTheGlobalLevel() {
    assertThat(text(codec.encodeKey(new ConfigRecord(null, "FULL"))))
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(text(codec.encodeValue(new ConfigRecord(null, "FULL")))).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(text(codec.encodeKey(new ConfigRecord("alerts-value", null))))
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"alerts-value\",\"magic\":0}");
    assertThat(codec.encodeValue(new ConfigRecord("alerts-value", null))).isNull();
  }

  @Test
  void readsWhatItWrites() {
    SchemaRecord schema = SchemaRecord.of(new SchemaEntry("alerts-value", 1, 3, "\"long\"", true));
    ConfigRecord config = new ConfigRecord("alerts-value", "FORWARD");

    assertThat(codec.decode(codec.encodeKey(schema), codec.encodeValue(schema))).isEqualTo(schema);
    assertThat(codec.decode(codec.encodeKey(config), codec.encodeValue(config))).isEqualTo(config);
    assertThat(codec.decode(codec.encodeKey(schema), null)).isEqualTo(SchemaRecord.tombstone("alerts-value", 1));
  }

  @Test
  void readsRecordsConfluentWrote() {
    LogRecord schema = codec.decode(
        bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}"),
        bytes("{\"subject\":\"t-value\",\"version\":1,\"id\":21,\"schemaType\":\"AVRO\",\"references\":[],"
            + "\"metadata\":null,\"schema\":\"\\\"int\\\"\",\"deleted\":false}"));
    LogRecord globalConfig = codec.decode(bytes("{\"keytype\":\"CONFIG\",\"magic\":0}"),
        bytes("{\"alias\":null,\"compatibilityLevel\":\"NONE\",\"normalize\":null}"));
    LogRecord deleteSubject = codec.decode(
        bytes("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"t-value\",\"magic\":0}"),
        bytes("{\"subject\":\"t-value\",\"version\":3}"));

    assertThat(schema).isEqualTo(SchemaRecord.of(new SchemaEntry("t-value", 1, 21, "\"int\"", false)));
    assertThat(globalConfig).isEqualTo(new ConfigRecord(null, "NONE"));
    assertThat(deleteSubject).isEqualTo(new DeleteSubjectRecord("t-value", 3));
  }

  @Test
  void ignoresRecordsThatAreNotAvroSchemasOrConfig() {
    assertThat(codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isInstanceOf(IgnoredRecord.class);
    assertThat(codec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"p\",\"version\":1,\"magic\":1}"),
        bytes("{\"subject\":\"p\",\"version\":1,\"id\":1,\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax\"}")))
        .isInstanceOf(IgnoredRecord.class);
    assertThat(codec.decode(bytes("not json"), bytes("{}"))).isInstanceOf(IgnoredRecord.class);
  }
}
