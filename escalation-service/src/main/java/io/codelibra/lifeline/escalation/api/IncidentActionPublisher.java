package io.codelibra.lifeline.escalation.api;

import io.codelibra.lifeline.escalation.incident.IncidentState;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentActionRequested;
import io.codelibra.lifeline.events.Target;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.runtime.publish.PublishNotAcknowledgedException;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Sends an operator's request to {@code incidents.commands}, keyed by the incident's routing key so
 * the stream task that owns the incident applies it in order with its alerts; returns once the broker
 * acknowledged the request.
 */
public class IncidentActionPublisher {

  private final AcknowledgedPublisher publisher;
  private final Clock clock;
  private final String source;

  public IncidentActionPublisher(AcknowledgedPublisher publisher, Clock clock, String source) {
    this.publisher = publisher;
    this.clock = clock;
    this.source = source;
  }

  public IncidentActionRequested request(IncidentState incident, IncidentAction action, Actor actor, String note,
      List<Target> targets, Integer level, Integer snoozeMinutes) {
    IncidentActionRequested request = IncidentActionRequested.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).setSource(source)
        .setIncidentId(incident.incidentId()).setRoutingKey(incident.routingKey()).setAction(action)
        .setActor(actor).setNote(note).setTargets(targets).setLevel(level).setSnoozeMinutes(snoozeMinutes)
        .build();
    try {
      publisher.publish(Topics.INCIDENT_COMMANDS.name(), incident.routingKey(), request);
      return request;
    } catch (PublishNotAcknowledgedException e) {
      throw new CommandNotAcceptedException(e);
    }
  }
}
