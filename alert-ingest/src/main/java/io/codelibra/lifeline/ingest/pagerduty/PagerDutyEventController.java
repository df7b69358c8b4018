package io.codelibra.lifeline.ingest.pagerduty;

import io.codelibra.lifeline.ingest.http.IngestJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codelibra.lifeline.ingest.alert.AlertIntake;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.alert.NormalisedAlert;
import io.codelibra.lifeline.ingest.http.IngestMetrics;
import io.codelibra.lifeline.ingest.http.IngestProblems;
import io.codelibra.lifeline.ingest.http.IngestRejection;
import io.codelibra.lifeline.ingest.integration.Integration;
import io.codelibra.lifeline.ingest.integration.IntegrationType;
import io.codelibra.lifeline.ingest.integration.Integrations;
import io.codelibra.lifeline.ingest.integration.RateLimitedException;
import io.codelibra.lifeline.ingest.publish.BrokerUnavailableException;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/enqueue}: the PagerDuty Events API v2, so a sender configured for PagerDuty only
 * changes its base URL. The routing key is the credential and names the owning service. Every answer,
 * refusals included, is in PagerDuty's shape: this controller's own handlers answer before the
 * problem+json advice ({@link IngestProblems}) can.
 */
@RestController
public class PagerDutyEventController {

  static final String RECEIVER = "pagerduty";
  static final String PATH = "/v2/enqueue";
  /** What PagerDuty answers, with 400, for a routing key it does not know. */
  static final String INVALID_ROUTING_KEY = "Invalid routing key";

  private static final Logger log = LoggerFactory.getLogger(PagerDutyEventController.class);

  private final PagerDutyEventReader reader;
  private final AlertIntake intake;
  private final Integrations integrations;
  private final IngestMetrics metrics;
  private final ObjectMapper json = IngestJson.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  public PagerDutyEventController(PagerDutyEventReader reader, AlertIntake intake, Integrations integrations,
      IngestMetrics metrics) {
    this.reader = reader;
    this.intake = intake;
    this.integrations = integrations;
    this.metrics = metrics;
  }

  // No "consumes": PagerDuty reads the body as JSON whatever Content-Type the sender declares.
  @PostMapping(PATH)
  public ResponseEntity<PagerDutyAnswer> enqueue(@RequestBody(required = false) byte[] body) {
    JsonNode event = parse(body);
    Integration integration = integrations.authenticate(IntegrationType.pagerduty, PagerDutyEventReader.routingKeyOf(event))
        .orElseThrow(() -> IngestRejection.unauthenticated(RECEIVER, INVALID_ROUTING_KEY));
    List<String> problems = reader.problems(event);
    if (!problems.isEmpty()) {
      throw IngestRejection.invalid(RECEIVER, problems);
    }
    InboundAlert alert = reader.read(event, integration.name(), integration.service());
    NormalisedAlert accepted = intake.accept(RECEIVER, integration, List.of(alert)).getFirst();
    return answer(HttpStatus.ACCEPTED, PagerDutyAnswer.success(accepted.fingerprint()));
  }

  private JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw IngestRejection.malformed(RECEIVER, "JSON parse error");
    }
    try {
      JsonNode event = json.readTree(body);
      if (event == null || !event.isObject()) {
        throw IngestRejection.malformed(RECEIVER, "Event object must be a JSON object");
      }
      return event;
    } catch (IOException e) {
      throw IngestRejection.malformed(RECEIVER, "JSON parse error");
    }
  }

  /** PagerDuty answers every refusal but throttling with 400, an unknown routing key included. */
  @ExceptionHandler(IngestRejection.class)
  ResponseEntity<PagerDutyAnswer> rejected(IngestRejection e) {
    metrics.rejected(RECEIVER, e.reason());
    log.debug("PagerDuty event refused ({}): {}", e.reason(), e.getMessage());
    return answer(HttpStatus.BAD_REQUEST, "malformed".equals(e.reason())
        ? PagerDutyAnswer.unrecognized(e.errors())
        : PagerDutyAnswer.invalid(e.errors()));
  }

  /** Defensive: the body is read as bytes, so Spring should never fail to read it. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<PagerDutyAnswer> unreadable(HttpMessageNotReadableException e) {
    metrics.rejected(RECEIVER, "malformed");
    return answer(HttpStatus.BAD_REQUEST, PagerDutyAnswer.unrecognized(List.of("JSON parse error")));
  }

  @ExceptionHandler(RateLimitedException.class)
  ResponseEntity<PagerDutyAnswer> rateLimited(RateLimitedException e) {
    metrics.rejected(RECEIVER, "rate_limited");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .contentType(MediaType.APPLICATION_JSON)
        .body(PagerDutyAnswer.throttled());
  }

  @ExceptionHandler(BrokerUnavailableException.class)
  ResponseEntity<PagerDutyAnswer> brokerUnavailable(BrokerUnavailableException e) {
    metrics.rejected(RECEIVER, "broker_unavailable");
    log.warn("PagerDuty event refused with 503: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(IngestProblems.BROKER_RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_JSON)
        .body(PagerDutyAnswer.unavailable(IngestProblems.BROKER_RETRY_AFTER_SECONDS));
  }

  private static ResponseEntity<PagerDutyAnswer> answer(HttpStatus status, PagerDutyAnswer body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
