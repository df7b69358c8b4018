package io.codelibra.lifeline.ingest.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.codelibra.lifeline.ingest.alert.AlertIntake;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.alert.NormalisedAlert;
import io.codelibra.lifeline.ingest.http.IngestMetrics;
import io.codelibra.lifeline.ingest.http.IngestProblems;
import io.codelibra.lifeline.ingest.integration.Integration;
import io.codelibra.lifeline.ingest.integration.IntegrationType;
import io.codelibra.lifeline.ingest.integration.Integrations;
import io.codelibra.lifeline.ingest.integration.RateLimitedException;
import io.codelibra.lifeline.ingest.publish.BrokerUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The PagerDuty receiver's refusals, with the problem+json advice registered as in the service: its
 * own handlers must answer in PagerDuty's shape. The broker and the rate limit are stood in for.
 */
class PagerDutyEventControllerTest {

  private static final String ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final IngestMetrics metrics = new IngestMetrics(meters);
  private final Integrations integrations = Integrations.of(Map.of("pd", new Integrations.Settings(
      IntegrationType.pagerduty, ROUTING_KEY, null, "checkout", List.of(), 0, 0)));

  private MockMvc receiverWhoseIntakeThrows(RuntimeException failure) {
    AlertIntake intake = new AlertIntake(null, null, null) {
      @Override
      public List<NormalisedAlert> accept(String receiver, Integration integration, List<InboundAlert> alerts) {
        throw failure;
      }
    };
    PagerDutyEventController controller = new PagerDutyEventController(
        new PagerDutyEventReader(PagerDutyEventReader::randomDedupKey), intake, integrations, metrics);
    return MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new IngestProblems(metrics)).build();
  }

  private static MockHttpServletResponse enqueue(MockMvc mvc, String body) throws Exception {
    return mvc.perform(post(PagerDutyEventController.PATH).contentType(MediaType.APPLICATION_JSON).content(body))
        .andReturn().getResponse();
  }

  private static String trigger() {
    return """
        {"routing_key":"%s","event_action":"trigger","dedup_key":"k1",
         "payload":{"summary":"disk full","source":"db-1","severity":"critical"}}""".formatted(ROUTING_KEY);
  }

  private double rejected(String reason) {
    return meters.counter("lifeline.ingest.rejected", "source", "pagerduty", "reason", reason).count();
  }

  @Test
  void whenTheBrokerDoesNotAcknowledgeTheAnswerIs503WithRetryAfterInPagerDutysShape() throws Exception {
    MockMvc mvc = receiverWhoseIntakeThrows(
        new BrokerUnavailableException("no ack within 10s", new TimeoutException()));

    MockHttpServletResponse answer = enqueue(mvc, trigger());

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
    assertThat(answer.getContentType()).isEqualTo("application/json");
    assertThat(answer.getContentAsString()).isEqualTo("{\"status\":\"unavailable\",\"message\":\"The event was not "
        + "accepted: the event broker did not acknowledge it. Retry after 5 s with the same dedup_key.\"}");
    assertThat(rejected("broker_unavailable")).isEqualTo(1);
  }

  @Test
  void overTheRateLimitTheAnswerIsPagerDutysThrottle() throws Exception {
    MockMvc mvc = receiverWhoseIntakeThrows(new RateLimitedException("pd", 7));

    MockHttpServletResponse answer = enqueue(mvc, trigger());

    assertThat(answer.getStatus()).isEqualTo(429);
    assertThat(answer.getHeader("Retry-After")).isEqualTo("7");
    assertThat(answer.getContentType()).isEqualTo("application/json");
    assertThat(answer.getContentAsString()).isEqualTo("{\"status\":\"throttle exceeded\","
        + "\"message\":\"Requests for this service are arriving too quickly.  Please retry later.\"}");
    assertThat(rejected("rate_limited")).isEqualTo(1);
  }

  @Test
  void anUnknownRoutingKeyIsCountedAsUnauthenticatedButAnsweredAsPagerDutyDoes() throws Exception {
    MockMvc mvc = receiverWhoseIntakeThrows(new IllegalStateException("must not be reached"));

    MockHttpServletResponse answer = enqueue(mvc, trigger().replace(ROUTING_KEY, "0".repeat(32)));

    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(answer.getContentAsString()).isEqualTo(
        "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"Invalid routing key\"]}");
    assertThat(rejected("unauthenticated")).isEqualTo(1);
  }

  @Test
  void anEmptyBodyIsAnUnrecognizedObject() throws Exception {
    MockMvc mvc = receiverWhoseIntakeThrows(new IllegalStateException("must not be reached"));

    MockHttpServletResponse answer = mvc.perform(post(PagerDutyEventController.PATH)).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(answer.getContentType()).isEqualTo("application/json");
    assertThat(answer.getContentAsString()).isEqualTo("{\"status\":\"Unrecognized object\","
        + "\"message\":\"Event object format is unrecognized\",\"errors\":[\"JSON parse error\"]}");
    assertThat(rejected("malformed")).isEqualTo(1);
  }
}
