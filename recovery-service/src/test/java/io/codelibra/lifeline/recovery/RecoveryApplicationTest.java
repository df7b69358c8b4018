package io.codelibra.lifeline.recovery;

import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.SampleEvents;
import io.codelibra.lifeline.testing.kafka.ServiceProbe;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithKafkaStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecoveryApplicationTest {

  @LocalServerPort
  int port;

  @Test
  void startsHealthyAndMetersTheEventsOfTheTopicsItBinds(KafkaStack stack) throws Exception {
    ServiceProbe service = new ServiceProbe(stack, port);

    service.assertHealthy();
    service.assertConsumes("failover.requests", "us-east-1/us-west-2", SampleEvents.failoverRequested(2));
  }
}
