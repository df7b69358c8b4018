package io.codelibra.lifeline.ingest.generic;

import io.codelibra.lifeline.ingest.http.IngestJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.ingest.alert.AlertIntake;
import io.codelibra.lifeline.ingest.alert.NormalisedAlert;
import io.codelibra.lifeline.ingest.http.IngestRejection;
import io.codelibra.lifeline.ingest.integration.Integration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/alerts}: Lifeline's generic JSON alert (see {@code /openapi.yaml}), authenticated
 * with the service's API key and answered 202 once the broker has the event.
 */
@RestController
public class GenericAlertController {

  static final String RECEIVER = "generic";

  private final GenericAlertReader reader;
  private final AlertIntake intake;
  private final Integration apiKeyIntegration;
  private final ObjectMapper json = IngestJson.mapper();

  public GenericAlertController(GenericAlertReader reader, AlertIntake intake,
      @Qualifier("apiKeyIntegration") Integration apiKeyIntegration) {
    this.reader = reader;
    this.intake = intake;
    this.apiKeyIntegration = apiKeyIntegration;
  }

  /** What the sender gets back: the key later events of this alert will carry. */
  public record Accepted(String status, String fingerprint, String eventId) {
  }

  @PostMapping(path = "/api/v1/alerts", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Accepted raise(@RequestBody byte[] body) {
    GenericAlert alert = parse(body);
    List<String> problems = reader.problems(alert);
    if (!problems.isEmpty()) {
      throw IngestRejection.invalid(RECEIVER, problems);
    }
    NormalisedAlert event = intake.accept(RECEIVER, apiKeyIntegration, List.of(
        reader.read(alert, AlertSourceType.generic, apiKeyIntegration.name(), new String(body, StandardCharsets.UTF_8))))
        .getFirst();
    return new Accepted("accepted", event.fingerprint(), event.eventId());
  }

  private GenericAlert parse(byte[] body) {
    try {
      GenericAlert alert = json.readValue(body, GenericAlert.class);
      if (alert == null) {
        throw IngestRejection.malformed(RECEIVER, "the body is empty; send one alert as a JSON object");
      }
      return alert;
    } catch (JsonProcessingException e) {
      throw IngestRejection.malformed(RECEIVER, "the body is not a JSON alert object: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw IngestRejection.malformed(RECEIVER, "the body could not be read");
    }
  }
}
