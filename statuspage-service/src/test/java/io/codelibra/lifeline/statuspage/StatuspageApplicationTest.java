package io.codelibra.lifeline.statuspage;

import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.SampleEvents;
import io.codelibra.lifeline.testing.kafka.ServiceProbe;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithKafkaStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatuspageApplicationTest {

  @LocalServerPort
  int port;

  @Test
  void startsHealthyAndMetersTheEventsOfTheTopicsItBinds(KafkaStack stack) throws Exception {
    ServiceProbe service = new ServiceProbe(stack, port);

    service.assertHealthy();
    service.assertConsumes("incidents", "inc-1", SampleEvents.incidentOpened("inc-1"));
  }
}
