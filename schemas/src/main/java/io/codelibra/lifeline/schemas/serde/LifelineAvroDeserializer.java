package io.codelibra.lifeline.schemas.serde;

import io.codelibra.lifeline.schemas.registry.SchemaRegistryClient;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into the generated event classes, resolving the writer's schema
 * (fetched by id) against the reader's generated schema, so older and newer events both decode.
 */
public class LifelineAvroDeserializer implements Deserializer<SpecificRecord> {

  private SchemaRegistryClient registry;
  private final Map<Integer, SpecificDatumReader<SpecificRecord>> readersByWriterId = new ConcurrentHashMap<>();

  public LifelineAvroDeserializer() {
  }

  public LifelineAvroDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeConfig config = SerdeConfig.from(configs);
    this.registry = new SchemaRegistryClient(config.registryUrl(), config.basicAuthUserInfo(), config.requestTimeout());
  }

  @Override
  public SpecificRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int schemaId = WireFormat.schemaIdOf(data);
    try {
      BinaryDecoder decoder = DecoderFactory.get()
          .binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
      return readerFor(schemaId).read(null, decoder);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("cannot fetch schema id " + schemaId + " for topic " + topic + ": "
          + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot decode a record of schema id " + schemaId + " from topic " + topic
          + ": " + e.getMessage(), e);
    }
  }

  private SpecificDatumReader<SpecificRecord> readerFor(int schemaId) {
    return readersByWriterId.computeIfAbsent(schemaId, id -> {
      Schema writer = registry.schemaById(id);
      Class<?> generated = SpecificData.get().getClass(writer);
      if (generated == null) {
        throw new SerializationException("no generated class for " + writer.getFullName()
            + " (schema id " + id + ") on the classpath");
      }
      return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(generated));
    });
  }
}
