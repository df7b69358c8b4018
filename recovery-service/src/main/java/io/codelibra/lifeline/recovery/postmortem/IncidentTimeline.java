package io.codelibra.lifeline.recovery.postmortem;

import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The events of recent incidents, collected from every topic and correlated to the incident they belong to, for the
 * post-incident review. Pure and thread-safe (one lock): events go in with {@link #accept}, in any order across topics;
 * correlation happens when an incident is asked for, so an alert read before its incident still joins it.
 *
 * <p>An event belongs to incident {@code I} when:
 * <ul>
 *   <li>it is on {@code incidents} with {@code incidentId = I} (opened, escalated, acknowledged, resolved);</li>
 *   <li>it is an alert ({@code AlertRaised}, {@code AlertAcknowledged}, {@code AlertResolved}) whose fingerprint is
 *   {@code I}'s {@code alertFingerprint} or {@code dedupKey} (or the fingerprint on its acknowledgement or resolution),
 *   and it happened inside {@code I}'s window (below): a fingerprint that fires again later opens another incident;</li>
 *   <li>it is a {@code StatusIncidentUpdated} with {@code lifelineIncidentId = I};</li>
 *   <li>it is a {@code FailoverRequested}, {@code FailoverCompleted} or {@code RegionRestored} with
 *   {@code incidentId = I};</li>
 *   <li>it is a region-pair event ({@code RegionHealthChanged}; {@code FailoverRequested}, {@code FailoverCompleted},
 *   {@code RegionRestored} without an incident id; {@code StatusIncidentUpdated} without a Lifeline incident id)
 *   of the pair named by {@code I}'s {@code region_pair} label (set by failover-service's region alarms, labels
 *   {@code region}, {@code region_pair}, {@code role}) and inside {@code I}'s window. A failover event naming another
 *   incident never joins {@code I};</li>
 *   <li>it is on {@code recovery.runs} ({@code RecoveryStarted}, {@code RecoveryStepCompleted},
 *   {@code RecoveryCompleted}) for a run any of whose events has {@code incidentId = I}: the whole run joins.</li>
 * </ul>
 * {@code I}'s window runs from its opening minus {@code lead} (the outage usually starts before the incident opens) to
 * its resolution plus {@code trail}; it is open-ended while the incident is unresolved.
 *
 * <p>Memory is bounded: at most {@code maxIncidents} incidents, alert fingerprints, status-linked incidents and runs
 * are kept, the oldest first to go; each of them (and each region pair) keeps its last {@code maxEventsPerKey} events.
 * Events repeated by a redelivery (same {@code eventId}) are kept once.
 */
public final class IncidentTimeline {

  /** Default lead: how long before an incident opened a region's trouble may have started. */
  public static final Duration DEFAULT_LEAD = Duration.ofMinutes(15);
  public static final int DEFAULT_MAX_INCIDENTS = 10_000;
  public static final int DEFAULT_MAX_EVENTS_PER_KEY = 1_000;

  private static final String REGION_PAIR_LABEL = "region_pair";

  private final Duration lead;
  private final Duration trail;
  private final int maxEventsPerKey;
  private final Map<String, EventList> incidents;
  private final Map<String, EventList> alertsByFingerprint;
  private final Map<String, EventList> statusByIncident;
  private final Map<String, EventList> failoverByIncident;
  private final Map<String, EventList> pairEvents;
  private final Map<String, EventList> runs;
  private final Map<String, Set<String>> runIdsByIncident;

  public IncidentTimeline(Duration lead, Duration trail, int maxIncidents, int maxEventsPerKey) {
    if (lead.isNegative() || trail.isNegative() || maxIncidents < 1 || maxEventsPerKey < 1) {
      throw new IllegalArgumentException("lead and trail must not be negative, the limits must be positive");
    }
    this.lead = lead;
    this.trail = trail;
    this.maxEventsPerKey = maxEventsPerKey;
    this.incidents = bounded(maxIncidents);
    this.alertsByFingerprint = bounded(maxIncidents);
    this.statusByIncident = bounded(maxIncidents);
    this.failoverByIncident = bounded(maxIncidents);
    this.pairEvents = bounded(maxIncidents);
    this.runs = bounded(maxIncidents);
    this.runIdsByIncident = bounded(maxIncidents);
  }

  public IncidentTimeline() {
    this(DEFAULT_LEAD, Duration.ZERO, DEFAULT_MAX_INCIDENTS, DEFAULT_MAX_EVENTS_PER_KEY);
  }

  /** Takes one event from any topic; events of types no incident's timeline shows are ignored. */
  public synchronized void accept(SpecificRecord event) {
    switch (event) {
      case IncidentOpened e -> add(incidents, e.getIncidentId(), e);
      case IncidentEscalated e -> add(incidents, e.getIncidentId(), e);
      case IncidentAcknowledged e -> add(incidents, e.getIncidentId(), e);
      case IncidentResolved e -> add(incidents, e.getIncidentId(), e);
      case AlertRaised e -> add(alertsByFingerprint, e.getFingerprint(), e);
      case AlertAcknowledged e -> add(alertsByFingerprint, e.getFingerprint(), e);
      case AlertResolved e -> add(alertsByFingerprint, e.getFingerprint(), e);
      case StatusIncidentUpdated e -> {
        if (e.getLifelineIncidentId() != null) {
          add(statusByIncident, e.getLifelineIncidentId(), e);
        } else if (e.getRegionPair() != null) {
          add(pairEvents, e.getRegionPair(), e);
        }
      }
      case FailoverRequested e -> pairOrIncident(e.getRegionPair(), e.getIncidentId(), e);
      case FailoverCompleted e -> pairOrIncident(e.getRegionPair(), e.getIncidentId(), e);
      case RegionRestored e -> pairOrIncident(e.getRegionPair(), e.getIncidentId(), e);
      case RegionHealthChanged e -> add(pairEvents, e.getRegionPair(), e);
      case RecoveryStarted e -> run(e.getRunId(), e.getIncidentId(), e);
      case RecoveryStepCompleted e -> run(e.getRunId(), e.getIncidentId(), e);
      case RecoveryCompleted e -> run(e.getRunId(), e.getIncidentId(), e);
      default -> {
        // Drills, backup verifications, notifications...: not part of an incident's timeline.
      }
    }
  }

  public synchronized boolean knows(String incidentId) {
    return incidents.containsKey(incidentId);
  }

  /** True when an {@code IncidentResolved} of the incident is held. */
  public synchronized boolean resolved(String incidentId) {
    EventList own = incidents.get(incidentId);
    return own != null && lastOf(own.events(), IncidentResolved.class) != null;
  }

  /** The incident's events from every topic, in time order; empty when no event of the incident itself is held. */
  public synchronized Optional<IncidentEvidence> evidence(String incidentId) {
    EventList own = incidents.get(incidentId);
    if (own == null) {
      return Optional.empty();
    }
    List<SpecificRecord> ownEvents = own.events();
    IncidentOpened opened = firstOf(ownEvents, IncidentOpened.class);
    Instant from = (opened != null ? opened.getOccurredAt() : EventFields.occurredAt(ownEvents.getFirst())).minus(lead);
    IncidentResolved resolved = lastOf(ownEvents, IncidentResolved.class);
    Instant until = resolved == null ? Instant.MAX : resolved.getOccurredAt().plus(trail);

    List<SpecificRecord> collected = new ArrayList<>(ownEvents);
    for (String fingerprint : fingerprints(ownEvents)) {
      collected.addAll(within(alertsByFingerprint.get(fingerprint), from, until));
    }
    collected.addAll(all(statusByIncident.get(incidentId)));
    collected.addAll(all(failoverByIncident.get(incidentId)));
    String pair = opened == null ? null : opened.getLabels().get(REGION_PAIR_LABEL);
    if (pair != null) {
      collected.addAll(within(pairEvents.get(pair), from, until));
    }
    for (String runId : runIdsByIncident.getOrDefault(incidentId, Set.of())) {
      collected.addAll(all(runs.get(runId)));
    }

    Map<String, SpecificRecord> unique = new LinkedHashMap<>();
    collected.forEach(event -> unique.putIfAbsent(key(event), event));
    List<SpecificRecord> ordered = new ArrayList<>(unique.values());
    ordered.sort(Comparator.comparing(EventFields::occurredAt));
    return Optional.of(new IncidentEvidence(incidentId, ordered));
  }

  /** The incident id an event names itself, if any: the incident a late event may change the review of. */
  public static Optional<String> namedIncident(SpecificRecord event) {
    String id = switch (event) {
      case IncidentOpened e -> e.getIncidentId();
      case IncidentEscalated e -> e.getIncidentId();
      case IncidentAcknowledged e -> e.getIncidentId();
      case IncidentResolved e -> e.getIncidentId();
      case StatusIncidentUpdated e -> e.getLifelineIncidentId();
      case FailoverRequested e -> e.getIncidentId();
      case FailoverCompleted e -> e.getIncidentId();
      case RegionRestored e -> e.getIncidentId();
      case RecoveryStarted e -> e.getIncidentId();
      case RecoveryStepCompleted e -> e.getIncidentId();
      case RecoveryCompleted e -> e.getIncidentId();
      default -> null;
    };
    return Optional.ofNullable(id);
  }

  private void pairOrIncident(String pair, String incidentId, SpecificRecord event) {
    if (incidentId != null) {
      add(failoverByIncident, incidentId, event);
    } else {
      add(pairEvents, pair, event);
    }
  }

  private void run(String runId, String incidentId, SpecificRecord event) {
    add(runs, runId, event);
    if (incidentId != null) {
      runIdsByIncident.computeIfAbsent(incidentId, id -> new LinkedHashSet<>()).add(runId);
    }
  }

  private void add(Map<String, EventList> index, String key, SpecificRecord event) {
    if (key != null) {
      index.computeIfAbsent(key, k -> new EventList(maxEventsPerKey)).add(event);
    }
  }

  private static Set<String> fingerprints(List<SpecificRecord> ownEvents) {
    Set<String> fingerprints = new LinkedHashSet<>();
    for (SpecificRecord event : ownEvents) {
      switch (event) {
        case IncidentOpened e -> {
          fingerprints.add(e.getAlertFingerprint());
          fingerprints.add(e.getDedupKey());
        }
        case IncidentAcknowledged e -> fingerprints.add(e.getAlertFingerprint());
        case IncidentResolved e -> fingerprints.add(e.getAlertFingerprint());
        default -> {
        }
      }
    }
    fingerprints.remove(null);
    return fingerprints;
  }

  private static List<SpecificRecord> within(EventList list, Instant from, Instant until) {
    return all(list).stream().filter(event -> {
      Instant at = EventFields.occurredAt(event);
      return !at.isBefore(from) && !at.isAfter(until);
    }).toList();
  }

  private static List<SpecificRecord> all(EventList list) {
    return list == null ? List.of() : list.events();
  }

  private static <T> T firstOf(List<SpecificRecord> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }

  private static <T> T lastOf(List<SpecificRecord> events, Class<T> type) {
    T last = null;
    for (SpecificRecord event : events) {
      if (type.isInstance(event)) {
        last = type.cast(event);
      }
    }
    return last;
  }

  private static String key(SpecificRecord event) {
    String id = EventFields.eventId(event);
    return id == null ? EventFields.type(event) + "@" + System.identityHashCode(event) : id;
  }

  private static <V> Map<String, V> bounded(int max) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  /** One key's last events, each event id once. */
  private static final class EventList {

    private final int max;
    private final Deque<SpecificRecord> events = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();

    EventList(int max) {
      this.max = max;
    }

    void add(SpecificRecord event) {
      String id = key(event);
      if (!ids.add(id)) {
        return;
      }
      events.addLast(event);
      if (events.size() > max) {
        ids.remove(key(events.removeFirst()));
      }
    }

    List<SpecificRecord> events() {
      return List.copyOf(events);
    }
  }
}
