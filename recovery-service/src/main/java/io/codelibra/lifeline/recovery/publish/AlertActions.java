package io.codelibra.lifeline.recovery.publish;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.NamedAction;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.action.RecoveryActionSet;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "Publish an event" steps: {@code event.raise-alert} and {@code event.resolve-alert} put an alert on {@code alerts}
 * (source type {@code lifeline}), so a runbook can page people through escalation-service, e.g. "restore done, DBA to
 * check". The event id is derived from the step's idempotency key, so a retried or resumed step publishes the same
 * event again and consumers drop the duplicate.
 */
public final class AlertActions implements RecoveryActionSet {

  private final AcknowledgedPublisher publisher;
  private final Clock clock;

  public AlertActions(AcknowledgedPublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public List<RecoveryAction> actions() {
    return List.of(
        new NamedAction("event.raise-alert", Set.of("fingerprint", "summary"),
            call -> "raise alert " + call.required("fingerprint") + " (" + call.optional("severity").orElse("SEV3") + "): "
                + call.required("summary"), this::raise),
        new NamedAction("event.resolve-alert", Set.of("fingerprint"),
            call -> "resolve alert " + call.required("fingerprint"), this::resolve));
  }

  private ActionResult raise(ActionCall call) {
    Severity severity;
    try {
      severity = Severity.valueOf(call.optional("severity").orElse("SEV3").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ActionFailedException("severity must be SEV1..SEV4, not " + call.required("severity"), false);
    }
    UUID eventId = eventId(call);
    AlertRaised alert = AlertRaised.newBuilder()
        .setEventId(eventId).setOccurredAt(clock.instant()).setSource("recovery-service").setFingerprint(call.required("fingerprint"))
        .setSourceType(AlertSourceType.lifeline).setService(call.optional("service").orElse(null)).setSeverity(severity)
        .setSummary(call.required("summary")).setDetails(call.optional("details").orElse(null))
        .setLabels(Map.of("run_id", call.runId(), "step", call.stepName())).setAnnotations(Map.of())
        .setStartsAt(clock.instant()).build();
    publisher.publish(Topics.ALERTS.name(), alert.getFingerprint(), alert);
    return new ActionResult(Map.of("event-id", eventId.toString()), "raised " + severity + " alert " + alert.getFingerprint());
  }

  private ActionResult resolve(ActionCall call) {
    UUID eventId = eventId(call);
    AlertResolved resolved = AlertResolved.newBuilder()
        .setEventId(eventId).setOccurredAt(clock.instant()).setSource("recovery-service").setFingerprint(call.required("fingerprint"))
        .setSourceType(AlertSourceType.lifeline).setService(call.optional("service").orElse(null)).setEndsAt(clock.instant())
        .setReason(call.optional("reason").orElse("resolved by recovery run " + call.runId()))
        .setLabels(Map.of("run_id", call.runId(), "step", call.stepName())).setAnnotations(Map.of()).build();
    publisher.publish(Topics.ALERTS.name(), resolved.getFingerprint(), resolved);
    return new ActionResult(Map.of("event-id", eventId.toString()), "resolved alert " + resolved.getFingerprint());
  }

  private static UUID eventId(ActionCall call) {
    return UUID.nameUUIDFromBytes(call.idempotencyKey().getBytes(StandardCharsets.UTF_8));
  }
}
