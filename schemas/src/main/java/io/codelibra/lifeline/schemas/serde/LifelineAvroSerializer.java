package io.codelibra.lifeline.schemas.serde;

import io.codelibra.lifeline.schemas.registry.SchemaRegistryClient;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro events in the Confluent wire format. With {@code auto.register.schemas=false} (the
 * production default) a schema must already be registered under its subject, else the send fails.
 */
public class LifelineAvroSerializer implements Serializer<SpecificRecord> {

  private SchemaRegistryClient registry;
  private SerdeConfig config;
  private boolean isKey;
  private final Map<Schema, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
  private final Map<TopicSchema, Integer> schemaIds = new ConcurrentHashMap<>();

  /**
   * A topic and a schema instance, compared by identity: generated classes share one schema
   * instance, so the hot path never pays for Avro's deep schema equality.
   */
  private record TopicSchema(String topic, Schema schema) {
    @Override
    public boolean equals(Object other) {
      return other instanceof TopicSchema that && that.schema == schema && that.topic.equals(topic);
    }

    @Override
    public int hashCode() {
      return 31 * topic.hashCode() + System.identityHashCode(schema);
    }
  }

  public LifelineAvroSerializer() {
  }

  /** For callers that build the client themselves (tests, Kafka Streams serdes). */
  public LifelineAvroSerializer(SchemaRegistryClient registry, SerdeConfig config) {
    this.registry = registry;
    this.config = config;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = SerdeConfig.from(configs);
    this.registry = new SchemaRegistryClient(config.registryUrl(), config.basicAuthUserInfo(), config.requestTimeout());
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, SpecificRecord event) {
    if (event == null) {
      return null;
    }
    Schema schema = event.getSchema();
    int schemaId = schemaIds.computeIfAbsent(new TopicSchema(topic, schema),
        key -> schemaIdFor(config.subjectNaming().subject(topic, schema, isKey), schema));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.write(ByteBuffer.allocate(WireFormat.HEADER_LENGTH).put(WireFormat.MAGIC_BYTE).putInt(schemaId).array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(event, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot serialize " + schema.getFullName() + " for topic " + topic, e);
    }
  }

  private int schemaIdFor(String subject, Schema schema) {
    try {
      if (config.autoRegisterSchemas()) {
        return registry.register(subject, schema);
      }
      return registry.idOf(subject, schema).orElseThrow(() -> new SerializationException(
          "schema " + schema.getFullName() + " is not registered under subject " + subject
              + " and auto.register.schemas is false"));
    } catch (SchemaRegistryException e) {
      throw new SerializationException("schema registry refused subject " + subject + ": " + e.getMessage(), e);
    }
  }
}
