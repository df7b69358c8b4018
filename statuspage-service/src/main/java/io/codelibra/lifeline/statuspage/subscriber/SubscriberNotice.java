package io.codelibra.lifeline.statuspage.subscriber;

import java.time.Instant;
import java.util.List;

/**
 * What subscribers are told about one incident or maintenance update, whatever the channel. {@code status} is
 * Statuspage's ({@code investigating} ... {@code resolved}, {@code scheduled} ... {@code completed});
 * {@code headline} says it to a person ("Investigating", "Maintenance cancelled"). The schedule is null for incidents.
 */
record SubscriberNotice(
    String eventId,
    Kind kind,
    String id,
    String name,
    String status,
    String headline,
    String impact,
    String updateId,
    String body,
    List<String> componentIds,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    Instant scheduledFor,
    Instant scheduledUntil) {

  SubscriberNotice {
    componentIds = List.copyOf(componentIds);
  }

  /** What the update is about. */
  enum Kind {
    INCIDENT, MAINTENANCE
  }
}
