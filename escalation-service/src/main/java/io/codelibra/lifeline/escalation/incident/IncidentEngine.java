package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.escalation.contact.ContactDirectory;
import io.codelibra.lifeline.escalation.contact.ContactPlan;
import io.codelibra.lifeline.escalation.policy.EscalationCatalog;
import io.codelibra.lifeline.escalation.policy.EscalationPolicy;
import io.codelibra.lifeline.escalation.policy.EscalationRule;
import io.codelibra.lifeline.escalation.policy.PolicyTarget;
import io.codelibra.lifeline.escalation.policy.ServiceSettings;
import io.codelibra.lifeline.escalation.schedule.OnCallLookup;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.EscalationReason;
import io.codelibra.lifeline.events.IncidentActionRequested;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.TargetType;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * The incident state machine: what each alert, timer and operator action does to an incident, and
 * which events it publishes. Pure: time comes in as an argument, state goes in and out as values.
 */
public final class IncidentEngine {

  public static final String DEFAULT_SERVICE = "unassigned";

  private final EscalationCatalog catalog;
  private final TargetResolver targets;
  private final ContactDirectory contacts;
  private final IncidentEvents events;
  private final Supplier<UUID> ids;

  public IncidentEngine(EscalationCatalog catalog, OnCallLookup schedules,
      ContactDirectory contacts, String source, Supplier<UUID> ids, IncidentLinks links) {
    this.catalog = catalog;
    this.targets = new TargetResolver(schedules);
    this.contacts = contacts;
    this.ids = ids;
    this.events = new IncidentEvents(source, ids, links);
  }

  public EscalationCatalog catalog() {
    return catalog;
  }

  public static String serviceOf(CharSequence service) {
    return service == null || service.isEmpty() ? DEFAULT_SERVICE : service.toString();
  }

  /** The routing key of an alert event for the service it names. */
  public String routingKey(String fingerprint, CharSequence service) {
    String name = serviceOf(service);
    return IncidentRouting.routingKey(fingerprint, name, catalog.settingsFor(name));
  }

  /** The routing key of any escalation input: alerts by fingerprint and service, requests as they name it. */
  public String routingKeyOf(SpecificRecord event, String recordKey) {
    return switch (event) {
      case AlertRaised alert -> routingKey(alert.getFingerprint(), alert.getService());
      case AlertAcknowledged ack -> routingKey(ack.getFingerprint(), ack.getService());
      case AlertResolved resolved -> routingKey(resolved.getFingerprint(), resolved.getService());
      case IncidentActionRequested request -> request.getRoutingKey();
      default -> recordKey;
    };
  }

  /**
   * An alert fired. Joins {@code current} (the open incident of its routing key) when that is still
   * open and, for grouping services, within the grouping window; otherwise opens a new incident.
   * {@code maintenanceId} is the active maintenance window covering the service, if any.
   */
  public Decision raise(Optional<IncidentState> current, AlertRaised alert, Optional<String> maintenanceId, Instant now) {
    String service = serviceOf(alert.getService());
    ServiceSettings settings = catalog.settingsFor(service);
    if (current.isPresent() && joins(current.get(), settings, now)) {
      IncidentState incident = current.get();
      Set<String> firing = new HashSet<>(incident.firingAlerts());
      firing.add(alert.getFingerprint());
      IncidentState joined = incident.copy().alertCount(incident.alertCount() + 1).firingAlerts(firing).build()
          .withTimeline(new TimelineEntry(now, "alert_repeated", alert.getSource(),
              "Alert " + alert.getFingerprint() + " triggered again: " + alert.getSummary()));
      return Decision.unchanged(joined);
    }
    return open(alert, service, settings, maintenanceId, now);
  }

  private static boolean joins(IncidentState incident, ServiceSettings settings, Instant now) {
    if (!incident.isOpen()) {
      return false;
    }
    return settings.groupingWindow().map(window -> !now.isAfter(incident.openedAt().plus(window))).orElse(true);
  }

  private Decision open(AlertRaised alert, String service, ServiceSettings settings, Optional<String> maintenanceId,
      Instant now) {
    Optional<EscalationPolicy> policy = catalog.policy(settings.escalationPolicy());
    Urgency urgency = settings.urgencyOf(alert.getSeverity());
    IncidentState incident = new IncidentState.Builder()
        .incidentId(ids.get().toString())
        .routingKey(IncidentRouting.routingKey(alert.getFingerprint(), service, settings))
        .dedupKey(alert.getFingerprint())
        .service(service)
        .severity(alert.getSeverity())
        .urgency(urgency)
        .title(alert.getSummary())
        .policyName(policy.map(EscalationPolicy::name).orElse(null))
        .status(IncidentStatus.triggered)
        .suppressed(maintenanceId.isPresent())
        .maintenanceId(maintenanceId.orElse(null))
        .openedAt(now)
        .alertCount(1)
        .firingAlerts(Set.of(alert.getFingerprint()))
        .build()
        .withTimeline(new TimelineEntry(now, "opened", alert.getSource(), "Opened from alert " + alert.getFingerprint()
            + (maintenanceId.isPresent() ? " (suppressed: maintenance " + maintenanceId.get() + ")" : "")));
    List<SpecificRecord> out = new ArrayList<>();
    if (incident.suppressed() || policy.isEmpty()) {
      out.add(openedEvent(incident, alert, now));
      return new Decision(incident, out);
    }
    Page page = page(incident, policy.get(), 0, NotificationKind.incident_opened, now);
    IncidentState paged = page.state().copy()
        .nextEscalationAt(urgency == Urgency.high ? nextEscalation(policy.get(), 0, 0, now) : null)
        .build();
    out.add(openedEvent(paged, alert, now));
    out.addAll(page.notifications());
    return new Decision(paged, out);
  }

  private SpecificRecord openedEvent(IncidentState incident, AlertRaised alert, Instant now) {
    return events.opened(incident, alert.getFingerprint(), alert.getEventId(), alert.getSourceType(),
        alert.getDetails(), alert.getLabels(), alert.getExternalUrl(),
        new Actor(ActorType.integration, alert.getSource(), null), now);
  }

  /** The source acknowledged its alert (e.g. PagerDuty-style acknowledge): the incident is acknowledged. */
  public Decision acknowledgeFromSource(IncidentState incident, AlertAcknowledged alert, Instant now) {
    if (incident.status() != IncidentStatus.triggered) {
      return Decision.unchanged(incident);
    }
    Actor actor = alert.getActor() != null ? alert.getActor() : new Actor(ActorType.integration, alert.getSource(), null);
    return acknowledge(incident, actor, "alert", alert.getFingerprint(), alert.getNote(), null, now);
  }

  /**
   * The source resolved one of the incident's alerts. With auto-resolve, the incident resolves once
   * none of its alerts is firing; without, the timeline records it and a person resolves.
   */
  public Decision resolveFromSource(IncidentState incident, AlertResolved alert, Instant now) {
    if (!incident.isOpen()) {
      return Decision.unchanged(incident);
    }
    Set<String> firing = new HashSet<>(incident.firingAlerts());
    firing.remove(alert.getFingerprint());
    IncidentState updated = incident.copy().firingAlerts(firing).build()
        .withTimeline(new TimelineEntry(now, "alert_resolved", alert.getSource(), "Alert " + alert.getFingerprint() + " resolved"));
    if (!catalog.settingsFor(incident.service()).autoResolve() || !firing.isEmpty()) {
      return Decision.unchanged(updated);
    }
    return resolve(updated, new Actor(ActorType.integration, alert.getSource(), null), ResolutionReason.alert_resolved,
        alert.getFingerprint(), alert.getReason(), now);
  }

  /** Fires every timer of the incident that is due at {@code now}: escalation, delayed notifications, snooze end. */
  public Decision due(IncidentState incident, Instant now) {
    List<SpecificRecord> out = new ArrayList<>();
    IncidentState state = incident;
    if (state.status() == IncidentStatus.acknowledged && state.snoozedUntil() != null && !now.isBefore(state.snoozedUntil())) {
      state = state.copy().status(IncidentStatus.triggered).snoozedUntil(null).acknowledgedAt(null).build()
          .withTimeline(new TimelineEntry(now, "snooze_ended", events.system().getId(), "Snooze ended: re-triggered"));
      // A policy removed from the configuration since the snooze leaves nobody to page (as escalateOnTimeout).
      if (catalog.policy(state.policyName()).isPresent()) {
        Decision retriggered = repage(state, state.level(), null, EscalationReason.timeout, events.system(),
            "snooze ended", NotificationKind.reminder, now, now);
        state = retriggered.state();
        out.addAll(retriggered.events());
      }
    }
    if (state.status() == IncidentStatus.triggered) {
      boolean escalates = state.nextEscalationAt() != null && !now.isBefore(state.nextEscalationAt());
      // Paging the next level replaces the pending notifications: first send those due by the time it escalated,
      // so that a late timer loses none of them.
      Decision sent = sendDueNotifications(state, escalates ? state.nextEscalationAt() : now, now);
      state = sent.state();
      out.addAll(sent.events());
      if (escalates) {
        Decision escalated = escalateOnTimeout(state, now);
        state = escalated.state();
        out.addAll(escalated.events());
      }
    }
    return new Decision(state, out);
  }

  private Decision escalateOnTimeout(IncidentState incident, Instant now) {
    Optional<EscalationPolicy> policy = catalog.policy(incident.policyName());
    if (policy.isEmpty()) {
      return Decision.unchanged(incident.copy().nextEscalationAt(null).build());
    }
    int size = policy.get().rules().size();
    int level = incident.level() + 1;
    int loop = incident.loop();
    if (level >= size) {
      level = 0;
      loop++;
    }
    // The next step counts from when this one was due, not from when the timer ran, so delays never drift.
    Instant dueAt = incident.nextEscalationAt();
    IncidentState looped = incident.copy().loop(loop).build();
    return repage(looped, level, incident.level() + 1, EscalationReason.timeout, events.system(), null,
        NotificationKind.incident_escalated, dueAt, now);
  }

  private Decision sendDueNotifications(IncidentState incident, Instant dueBy, Instant now) {
    List<PendingNotification> remaining = new ArrayList<>();
    List<SpecificRecord> out = new ArrayList<>();
    for (PendingNotification pending : incident.pendingNotifications()) {
      if (dueBy.isBefore(pending.dueAt())) {
        remaining.add(pending);
      } else {
        out.add(events.notification(incident, pending.userId(), null,
            new ContactPlan(pending.contactMethodId(), pending.channel(), pending.recipient(), Duration.ZERO),
            pending.kind(), pending.level(), now));
      }
    }
    return new Decision(incident.copy().pendingNotifications(remaining).build(), out);
  }

  /** An operator's request, already authorised by the API. Requests that no longer apply change nothing. */
  public Decision act(IncidentState incident, IncidentActionRequested request, Instant now) {
    Actor actor = request.getActor();
    String note = request.getNote();
    if (!incident.isOpen()) {
      return Decision.unchanged(incident);
    }
    return switch (request.getAction()) {
      case acknowledge -> incident.status() == IncidentStatus.triggered
          ? acknowledge(incident, actor, "api", null, note, null, now) : Decision.unchanged(incident);
      case snooze -> snooze(incident, actor, note, request.getSnoozeMinutes(), now);
      case resolve -> resolve(incident, actor, ResolutionReason.manual, null, note, now);
      case escalate -> escalateManually(incident, actor, note, request.getLevel(), now);
      case reassign -> reassign(incident, actor, note, request.getTargets().stream()
          .filter(target -> target.getType() != TargetType.unknown)
          .map(target -> new PolicyTarget(PolicyTarget.Type.valueOf(target.getType().name()), target.getId())).toList(), now);
      case unknown -> Decision.unchanged(incident);
    };
  }

  private Decision acknowledge(IncidentState incident, Actor actor, String via, String fingerprint, String note,
      Instant snoozedUntil, Instant now) {
    IncidentState acknowledged = incident.copy().status(IncidentStatus.acknowledged).acknowledgedAt(now)
        .nextEscalationAt(null).pendingNotifications(List.of()).snoozedUntil(snoozedUntil).build()
        .withTimeline(new TimelineEntry(now, snoozedUntil == null ? "acknowledged" : "snoozed", actor.getId(),
            (snoozedUntil == null ? "Acknowledged" : "Snoozed until " + snoozedUntil) + " via " + via
                + (note == null ? "" : ": " + note)));
    return new Decision(acknowledged, List.of(events.acknowledged(acknowledged, actor, via, fingerprint, note, now)));
  }

  private Decision snooze(IncidentState incident, Actor actor, String note, Integer minutes, Instant now) {
    if (minutes == null || minutes <= 0) {
      return Decision.unchanged(incident);
    }
    return acknowledge(incident, actor, "api", null, note, now.plus(Duration.ofMinutes(minutes)), now);
  }

  private Decision resolve(IncidentState incident, Actor actor, ResolutionReason reason, String fingerprint,
      String resolution, Instant now) {
    IncidentState resolved = incident.copy().status(IncidentStatus.resolved).resolvedAt(now).nextEscalationAt(null)
        .pendingNotifications(List.of()).snoozedUntil(null).build()
        .withTimeline(new TimelineEntry(now, "resolved", actor.getId(),
            "Resolved (" + reason + ")" + (resolution == null ? "" : ": " + resolution)));
    return new Decision(resolved, List.of(events.resolved(resolved, actor, reason, fingerprint, resolution, now)));
  }

  private Decision escalateManually(IncidentState incident, Actor actor, String note, Integer level, Instant now) {
    Optional<EscalationPolicy> policy = catalog.policy(incident.policyName());
    if (policy.isEmpty()) {
      return Decision.unchanged(incident);
    }
    int size = policy.get().rules().size();
    int target = level != null ? Math.clamp(level - 1, 0, size - 1) : Math.min(incident.level() + 1, size - 1);
    IncidentState reopened = incident.copy().status(IncidentStatus.triggered).acknowledgedAt(null).snoozedUntil(null).build();
    return repage(reopened, target, incident.level() + 1, EscalationReason.manual, actor, note,
        NotificationKind.incident_escalated, now, now);
  }

  private Decision reassign(IncidentState incident, Actor actor, String note, List<PolicyTarget> to, Instant now) {
    if (to.isEmpty()) {
      return Decision.unchanged(incident);
    }
    IncidentState reopened = incident.copy().status(IncidentStatus.triggered).acknowledgedAt(null).snoozedUntil(null).build();
    Page page = page(reopened, to, reopened.level(), NotificationKind.incident_escalated, now);
    IncidentState state = page.state().copy()
        .nextEscalationAt(catalog.policy(incident.policyName())
            .filter(p -> incident.urgency() == Urgency.high)
            .map(p -> nextEscalation(p, reopened.level(), reopened.loop(), now)).orElse(null))
        .build()
        .withTimeline(new TimelineEntry(now, "reassigned", actor.getId(), "Reassigned to " + page.state().assignedUserIds()
            + (note == null ? "" : ": " + note)));
    List<SpecificRecord> out = new ArrayList<>();
    out.add(events.escalated(state, incident.level() + 1, to, EscalationReason.reassign, actor, note, now));
    out.addAll(page.notifications());
    return new Decision(state, out);
  }

  /** Pages level {@code level} of the incident's policy and sets the next escalation from {@code from}. */
  private Decision repage(IncidentState incident, int level, Integer previousLevel, EscalationReason reason, Actor actor,
      String note, NotificationKind kind, Instant from, Instant now) {
    EscalationPolicy policy = catalog.policy(incident.policyName()).orElseThrow();
    Page page = page(incident, policy, level, kind, now);
    IncidentState state = page.state().copy()
        .nextEscalationAt(incident.urgency() == Urgency.high ? nextEscalation(policy, level, incident.loop(), from) : null)
        .build()
        .withTimeline(new TimelineEntry(now, "escalated", actor.getId(), "Escalated (" + reason + ") to level "
            + (level + 1) + (incident.loop() > 0 ? ", loop " + (incident.loop() + 1) : "") + ": "
            + page.state().assignedUserIds() + (note == null ? "" : ": " + note)));
    List<SpecificRecord> out = new ArrayList<>();
    out.add(events.escalated(state, previousLevel, policy.rules().get(level).targets(), reason, actor, note, now));
    out.addAll(page.notifications());
    return new Decision(state, out);
  }

  /** When the level after {@code level} is due, or null when the policy (with its loops) is exhausted. */
  private static Instant nextEscalation(EscalationPolicy policy, int level, int loop, Instant pagedAt) {
    boolean hasNext = level + 1 < policy.rules().size() || loop < policy.numLoops();
    return hasNext ? pagedAt.plus(policy.rules().get(level).escalationDelay()) : null;
  }

  private Page page(IncidentState incident, EscalationPolicy policy, int level, NotificationKind kind, Instant now) {
    EscalationRule rule = policy.rules().get(level);
    return page(incident, rule.targets(), level, kind, now);
  }

  private Page page(IncidentState incident, List<PolicyTarget> to, int level, NotificationKind kind, Instant now) {
    List<PagedUser> users = targets.resolve(to, now);
    IncidentState state = incident.copy().level(level)
        .assignedUserIds(users.stream().map(PagedUser::userId).toList())
        .build();
    List<SpecificRecord> notifications = new ArrayList<>();
    List<PendingNotification> pending = new ArrayList<>();
    for (PagedUser user : users) {
      for (ContactPlan plan : contacts.contactPlan(user.userId(), incident.urgency())) {
        if (plan.delay().isZero() || plan.delay().isNegative()) {
          notifications.add(events.notification(state, user.userId(), user.via(), plan, kind, level + 1, now));
        } else {
          pending.add(new PendingNotification(now.plus(plan.delay()), user.userId(), plan.contactMethodId(),
              plan.channel(), plan.recipient(), kind, level + 1));
        }
      }
    }
    if (users.isEmpty()) {
      state = state.withTimeline(new TimelineEntry(now, "nobody_on_call", events.system().getId(),
          "Level " + (level + 1) + " resolved to nobody: " + to));
    }
    return new Page(state.copy().pendingNotifications(pending).build(), notifications);
  }

  private record Page(IncidentState state, List<SpecificRecord> notifications) {
  }
}
