package io.codelibra.lifeline.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.ServiceProbe;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service starts on a real broker; writes need the API key; the pair's state is not served before its writer has it. */
@WithKafkaStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // A pair of its own, so the other tests' writers and executors on the shared broker leave it alone.
    "lifeline.failover.primary-region=app-east", "lifeline.failover.secondary-region=app-west",
    "spring.cloud.stream.kafka.streams.binder.functions.pairWriter.application-id=failover-application-test",
    "spring.cloud.stream.bindings.executeFailovers-in-0.group=failover-application-test-executor",
    "lifeline.failover.state-dir=${java.io.tmpdir}/lifeline-failover-application-test",
    "lifeline.failover.routing.mode=local",
    "lifeline.failover.routing.local-state-file=${java.io.tmpdir}/lifeline-failover-application-test/active-region"})
class FailoverApplicationTest {

  @LocalServerPort
  int port;

  @Test
  void startsHealthyRefusesAnonymousWritesAndSaysWhenThePairIsNotHere(KafkaStack stack) throws Exception {
    new ServiceProbe(stack, port).assertHealthy();
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/v1/region-pair/failover")).header("From", "oncall@example.com").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);

    HttpResponse<String> noFrom = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/v1/region-pair/failover")).header("Authorization", "Bearer " + KafkaStack.TEST_API_KEY)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noFrom.statusCode()).isEqualTo(400);
    assertThat(noFrom.body()).contains("From header");

    HttpResponse<String> pair = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/region-pair"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(pair.statusCode()).isEqualTo(503);
    assertThat(pair.headers().firstValue("Retry-After")).hasValue("5");
  }
}
