package io.codelibra.lifeline.schemas.topics;

import static io.codelibra.lifeline.schemas.topics.TopicDefinition.CleanupPolicy.COMPACT;
import static io.codelibra.lifeline.schemas.topics.TopicDefinition.CleanupPolicy.DELETE;

import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.BackupVerified;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.DrillChecklistItemRecorded;
import io.codelibra.lifeline.events.DrillCompleted;
import io.codelibra.lifeline.events.FailoverActionRequested;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentActionRequested;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.MaintenanceCompleted;
import io.codelibra.lifeline.events.MaintenanceScheduled;
import io.codelibra.lifeline.events.MaintenanceStarted;
import io.codelibra.lifeline.events.NotificationDelivered;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** Every Lifeline topic, defined once; used by the services, the serde and topic creation. */
public final class Topics {

  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration MONTH = Duration.ofDays(30);
  private static final Duration QUARTER = Duration.ofDays(90);

  /** Largest record other teams may publish to alerts.inbound: alert-ingest's body limit. */
  public static final int MAX_INBOUND_RECORD_BYTES = 1024 * 1024;

  public static final TopicDefinition ALERTS_INBOUND = new TopicDefinition(
      "alerts.inbound", String.class, List.of(AlertRaised.class), 6, DELETE, WEEK,
      "Alarms published by other teams: Lifeline's generic JSON or AlertRaised in the registry wire format")
      .withConfig("max.message.bytes", Integer.toString(MAX_INBOUND_RECORD_BYTES));

  // Room above the inbound limit for the dead-letter headers, so every rejected record fits.
  public static final TopicDefinition ALERTS_INBOUND_DLQ = new TopicDefinition(
      "alerts.inbound.dlq", String.class, List.of(), 1, DELETE, MONTH,
      "Inbound records that failed validation, unchanged, with the reason and origin in headers")
      .withConfig("max.message.bytes", Integer.toString(MAX_INBOUND_RECORD_BYTES + 64 * 1024));

  public static final TopicDefinition ALERTS = new TopicDefinition(
      "alerts", String.class, List.of(AlertRaised.class, AlertAcknowledged.class, AlertResolved.class), 6, DELETE, MONTH,
      "Normalised alert events, keyed by alert fingerprint");

  public static final TopicDefinition INCIDENTS = new TopicDefinition(
      "incidents", String.class,
      List.of(IncidentOpened.class, IncidentEscalated.class, IncidentAcknowledged.class, IncidentResolved.class),
      6, DELETE, QUARTER, "An incident's whole life in order, keyed by incident id");

  public static final TopicDefinition INCIDENT_COMMANDS = new TopicDefinition(
      "incidents.commands", String.class, List.of(IncidentActionRequested.class), 6, DELETE, MONTH,
      "Operators' requests to acknowledge, resolve, reassign, escalate or snooze incidents, keyed by routing key");

  public static final TopicDefinition ESCALATION_DLQ = new TopicDefinition(
      "escalation.dlq", String.class, List.of(), 1, DELETE, MONTH,
      "Records escalation-service could not decode (from alerts or incidents.commands), unchanged, with the reason in headers");

  public static final TopicDefinition NOTIFICATIONS = new TopicDefinition(
      "notifications", String.class, List.of(NotificationRequested.class, NotificationDelivered.class), 6, DELETE, MONTH,
      "Pages and notifications requested and delivered, keyed by incident id");

  public static final TopicDefinition STATUS_COMPONENTS = new TopicDefinition(
      "status.components", String.class, List.of(ComponentStatusChanged.class), 3, COMPACT, Duration.ZERO,
      "Current status of each public component, keyed by component id");

  public static final TopicDefinition STATUS_MAINTENANCE = new TopicDefinition(
      "status.maintenance", String.class,
      List.of(MaintenanceScheduled.class, MaintenanceStarted.class, MaintenanceCompleted.class), 3, DELETE, QUARTER,
      "Planned maintenance windows, keyed by maintenance id");

  public static final TopicDefinition STATUS_INCIDENTS = new TopicDefinition(
      "status.incidents", String.class, List.of(StatusIncidentUpdated.class), 3, DELETE, QUARTER,
      "Public status-page incidents and each of their updates, keyed by status incident id");

  // One partition: the page has one writer, and the commands stay in order with each other.
  public static final TopicDefinition STATUS_COMMANDS = new TopicDefinition(
      "status.commands", String.class, List.of(StatusPageChangeRequested.class), 1, DELETE, QUARTER,
      "Administrators' and subscribers' changes to the status page, keyed by page id; the page's audit log");

  public static final TopicDefinition STATUSPAGE_DLQ = new TopicDefinition(
      "statuspage.dlq", String.class, List.of(), 1, DELETE, MONTH,
      "Records statuspage-service could not decode (from incidents, failover.events or status.commands), unchanged, with the reason in headers");

  public static final TopicDefinition FAILOVER_REQUESTS = new TopicDefinition(
      "failover.requests", String.class, List.of(FailoverRequested.class), 3, DELETE, QUARTER,
      "Failover requests (automatic, manual, drill), keyed by region pair so one is in flight at a time");

  public static final TopicDefinition FAILOVER_EVENTS = new TopicDefinition(
      "failover.events", String.class,
      List.of(RegionHealthChanged.class, FailoverCompleted.class, RegionRestored.class, DrillChecklistItemRecorded.class,
          DrillCompleted.class), 3, DELETE, QUARTER,
      "Region health changes, completed failovers, restored regions and drill records, keyed by region pair");

  // As many partitions as failover.events: the pair processor reads both, so a pair's records meet in one task.
  public static final TopicDefinition FAILOVER_COMMANDS = new TopicDefinition(
      "failover.commands", String.class, List.of(FailoverActionRequested.class), 3, DELETE, QUARTER,
      "Operators' and drills' failover, failback and approval requests, keyed by region pair; the pair processor decides");

  public static final TopicDefinition FAILOVER_DLQ = new TopicDefinition(
      "failover.dlq", String.class, List.of(), 1, DELETE, MONTH,
      "Records failover-service could not decode (from failover.events or failover.commands), unchanged, with the reason in headers");

  public static final TopicDefinition RECOVERY_RUNS = new TopicDefinition(
      "recovery.runs", String.class,
      List.of(RecoveryStarted.class, RecoveryStepCompleted.class, RecoveryCompleted.class, BackupVerified.class),
      3, DELETE, QUARTER, "Runbook runs step by step and backup verifications, keyed by run id");

  public static final List<TopicDefinition> ALL = List.of(
      ALERTS_INBOUND, ALERTS_INBOUND_DLQ, ALERTS, INCIDENTS, INCIDENT_COMMANDS, ESCALATION_DLQ, NOTIFICATIONS, STATUS_COMPONENTS,
      STATUS_MAINTENANCE, STATUS_INCIDENTS, STATUS_COMMANDS, STATUSPAGE_DLQ, FAILOVER_REQUESTS, FAILOVER_EVENTS, FAILOVER_COMMANDS, FAILOVER_DLQ,
      RECOVERY_RUNS);

  private Topics() {
  }

  public static Optional<TopicDefinition> byName(String name) {
    return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
  }

  /** Every event type written to any topic, each once. */
  public static List<Class<? extends SpecificRecord>> eventTypes() {
    return ALL.stream().flatMap(topic -> topic.valueTypes().stream()).distinct().toList();
  }
}
