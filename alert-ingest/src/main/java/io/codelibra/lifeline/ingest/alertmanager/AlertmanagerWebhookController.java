package io.codelibra.lifeline.ingest.alertmanager;

import io.codelibra.lifeline.ingest.http.IngestJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codelibra.lifeline.ingest.alert.AlertIntake;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.alert.NormalisedAlert;
import io.codelibra.lifeline.ingest.http.IngestRejection;
import io.codelibra.lifeline.ingest.integration.Integration;
import io.codelibra.lifeline.ingest.integration.IntegrationType;
import io.codelibra.lifeline.ingest.integration.Integrations;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/integrations/alertmanager}: Alertmanager's {@code webhook_configs} receiver.
 * The integration's token comes as {@code Authorization: Bearer} ({@code http_config.authorization});
 * every alert of the group becomes one event, and the answer is 200 only once the broker has them all.
 */
@RestController
public class AlertmanagerWebhookController {

  static final String RECEIVER = "alertmanager";
  static final String PATH = "/api/v1/integrations/alertmanager";

  private static final Logger log = LoggerFactory.getLogger(AlertmanagerWebhookController.class);

  private final AlertmanagerWebhookReader reader;
  private final AlertIntake intake;
  private final Integrations integrations;
  private final ObjectMapper json = IngestJson.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  public AlertmanagerWebhookController(AlertmanagerWebhookReader reader, AlertIntake intake,
      Integrations integrations) {
    this.reader = reader;
    this.intake = intake;
    this.integrations = integrations;
  }

  /** What Alertmanager gets back (it only looks at the 2xx): how many alert events the broker has. */
  public record Accepted(String status, int events) {
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public Accepted receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) byte[] body) {
    Integration integration = authenticate(authorization);
    JsonNode webhook = parse(body);
    List<String> problems = reader.problems(webhook);
    if (!problems.isEmpty()) {
      throw IngestRejection.invalid(RECEIVER, problems);
    }
    List<InboundAlert> alerts = reader.read(webhook, integration.name(), integration.service());
    long truncated = webhook.path("truncatedAlerts").asLong(0);
    if (truncated > 0) {
      // Alertmanager dropped them itself (max_alerts): they never reach us, so say so where operators look.
      log.warn("integration {} sent a group with {} alerts truncated by max_alerts; raise max_alerts to receive them",
          integration.name(), truncated);
    }
    List<NormalisedAlert> events = intake.accept(RECEIVER, integration, alerts);
    return new Accepted("accepted", events.size());
  }

  private Integration authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw IngestRejection.unauthenticated(RECEIVER, "Send the integration's token as 'Authorization: Bearer <token>' "
          + "(webhook_configs[].http_config.authorization).");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw IngestRejection.unauthenticated(RECEIVER, "Only bearer tokens are accepted: send "
          + "'Authorization: Bearer <token>'.");
    }
    return integrations.authenticate(IntegrationType.alertmanager, authorization.substring(7).trim())
        .orElseThrow(() -> IngestRejection.unauthenticated(RECEIVER,
            "The bearer token is not valid for an Alertmanager integration."));
  }

  private JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw IngestRejection.malformed(RECEIVER, "the body is empty; send Alertmanager's webhook JSON");
    }
    try {
      JsonNode webhook = json.readTree(body);
      if (webhook == null || !webhook.isObject()) {
        throw IngestRejection.malformed(RECEIVER, "the body is not a JSON object; send Alertmanager's webhook JSON");
      }
      return webhook;
    } catch (JsonProcessingException e) {
      throw IngestRejection.malformed(RECEIVER, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw IngestRejection.malformed(RECEIVER, "the body could not be read");
    }
  }
}
