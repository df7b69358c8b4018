package io.codelibra.lifeline.escalation;

import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.SampleEvents;
import io.codelibra.lifeline.testing.kafka.ServiceProbe;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithKafkaStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EscalationApplicationTest {

  @LocalServerPort
  int port;

  @Test
  void startsHealthyAndMetersTheEventsOfTheTopicsItBinds(KafkaStack stack) throws Exception {
    ServiceProbe service = new ServiceProbe(stack, port);

    service.assertHealthy();
    service.assertConsumes("alerts", "fp-1", SampleEvents.alertRaised("fp-1"));
  }
}
