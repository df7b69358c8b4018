package io.codelibra.lifeline.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The wire-format serializer and deserializer as one {@link Serde}, for Kafka Streams. */
public class LifelineAvroSerde implements Serde<SpecificRecord> {

  private final LifelineAvroSerializer serializer = new LifelineAvroSerializer();
  private final LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer();

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<SpecificRecord> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<SpecificRecord> deserializer() {
    return deserializer;
  }
}
