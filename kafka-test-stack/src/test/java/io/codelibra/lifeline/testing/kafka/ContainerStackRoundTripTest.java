package io.codelibra.lifeline.testing.kafka;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same round trip on the apache/kafka image; runs with -Pcontainers where Docker exists, skips without it. */
@Tag("containers")
@Testcontainers(disabledWithoutDocker = true)
class ContainerStackRoundTripTest {

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

  @Test
  void anEventWrittenWithTheSerdeIsReadBackOnAContainerBroker() throws Exception {
    try (KafkaStack stack = KafkaStack.onBroker(() -> { }, KAFKA.getBootstrapServers())) {
      SerdeRoundTrip.incidentSurvivesTheRoundTrip(stack);
    }
  }
}
