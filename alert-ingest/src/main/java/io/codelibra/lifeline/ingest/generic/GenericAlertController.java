package io.codelibra.lifeline.ingest.generic;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.ingest.publish.AlertPublisher;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/alerts}: Lifeline's generic JSON alert, answered 202 once the broker has it. */
@RestController
public class GenericAlertController {

  private final GenericAlertNormaliser normaliser;
  private final AlertPublisher publisher;

  public GenericAlertController(GenericAlertNormaliser normaliser, AlertPublisher publisher) {
    this.normaliser = normaliser;
    this.publisher = publisher;
  }

  /** What the sender gets back: the key later events of this alert will carry. */
  public record Accepted(String status, String fingerprint, String eventId) {
  }

  @PostMapping(path = "/api/v1/alerts", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Accepted raise(@RequestBody GenericAlert alert) {
    AlertRaised event = normaliser.normalise(alert);
    publisher.publishAll(List.of(new AlertPublisher.KeyedEvent(event.getFingerprint(), event)));
    return new Accepted("accepted", event.getFingerprint(), event.getEventId().toString());
  }
}
