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

  /**
   * A serde for values configured in code (Kafka Streams topologies): registry URL and credentials, whether
   * it registers schemas, and the subject naming ({@code BY_TOPIC_DEFINITION} or {@code TopicRecordNameStrategy}).
   */
  public static LifelineAvroSerde forValues(String registryUrl, String userInfo, boolean autoRegister, String subjectNaming) {
    LifelineAvroSerde serde = new LifelineAvroSerde();
    serde.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, SerdeConfig.BASIC_AUTH_USER_INFO,
        userInfo == null ? "" : userInfo, SerdeConfig.AUTO_REGISTER_SCHEMAS, Boolean.toString(autoRegister),
        SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, subjectNaming), false);
    return serde;
  }

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
