package io.codelibra.lifeline.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.schemas.serde.LifelineAvroSerializer;
import io.codelibra.lifeline.schemas.serde.SerdeConfig;
import io.codelibra.lifeline.schemas.serde.WireFormat;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

@WithKafkaStack
class EmbeddedStackRoundTripTest {

  @Test
  void anEventWrittenWithTheSerdeIsReadBackAndItsSchemaIdIsTheRegistrysOwn(KafkaStack stack) throws Exception {
    SerdeRoundTrip.incidentSurvivesTheRoundTrip(stack);
  }

  @Test
  void withoutAutoRegistrationAnUnregisteredSchemaIsRefusedNamingTheSubject(KafkaStack stack) {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(config, false);

    assertThatThrownBy(() -> serializer.serialize("never.registered", SampleEvents.alertRaised("fp")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("is not registered under subject never.registered-value")
        .hasMessageContaining("auto.register.schemas is false");
  }

  @Test
  void withoutAutoRegistrationARegisteredSchemaIsLookedUpNotRegisteredAgain(KafkaStack stack) {
    var event = SampleEvents.alertRaised("fp");
    int id = stack.registryClient().register("preregistered-value", event.getSchema());
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(config, false);

    byte[] bytes = serializer.serialize("preregistered", event);

    assertThat(WireFormat.schemaIdOf(bytes)).isEqualTo(id);
  }
}
