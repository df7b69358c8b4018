package io.codelibra.lifeline.escalation.api;

import io.codelibra.lifeline.escalation.incident.IncidentState;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentActionRequested;
import io.codelibra.lifeline.events.Target;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends an operator's request to {@code incidents.commands}, keyed by the incident's routing key so
 * the stream task that owns the incident applies it in order with its alerts; returns once the broker
 * acknowledged the request.
 */
public class IncidentActionPublisher {

  private final KafkaTemplate<String, SpecificRecord> kafka;
  private final Clock clock;
  private final String source;
  private final Duration ackTimeout;

  public IncidentActionPublisher(KafkaTemplate<String, SpecificRecord> kafka, Clock clock, String source,
      Duration ackTimeout) {
    this.kafka = kafka;
    this.clock = clock;
    this.source = source;
    this.ackTimeout = ackTimeout;
  }

  public IncidentActionRequested request(IncidentState incident, IncidentAction action, Actor actor, String note,
      List<Target> targets, Integer level, Integer snoozeMinutes) {
    IncidentActionRequested request = IncidentActionRequested.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).setSource(source)
        .setIncidentId(incident.incidentId()).setRoutingKey(incident.routingKey()).setAction(action)
        .setActor(actor).setNote(note).setTargets(targets).setLevel(level).setSnoozeMinutes(snoozeMinutes)
        .build();
    try {
      kafka.send(Topics.INCIDENT_COMMANDS.name(), incident.routingKey(), request)
          .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return request;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new CommandNotAcceptedException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandNotAcceptedException(e);
    }
  }
}
