package io.codelibra.lifeline.testing.kafka;

import org.junit.jupiter.api.Test;

@WithKafkaStack
class EmbeddedStackRoundTripTest {

  @Test
  void anEventWrittenWithTheSerdeIsReadBackAndItsSchemaIdIsTheRegistrysOwn(KafkaStack stack) throws Exception {
    SerdeRoundTrip.incidentSurvivesTheRoundTrip(stack);
  }
}
