package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.events.SubscriberChannel;
import java.time.Instant;
import java.util.List;

/** Someone told of incident and maintenance updates: by e-mail once confirmed (double opt-in), or by signed webhook. */
public record SubscriberState(String id, SubscriberChannel channel, String address, boolean confirmed, List<String> componentIds,
    Instant createdAt, Instant confirmedAt) {

  public SubscriberState {
    componentIds = List.copyOf(componentIds);
  }

  /** Whether an update about {@code components} concerns this subscriber (all, when it chose none). */
  public boolean interestedIn(List<String> components) {
    return componentIds.isEmpty() || components.isEmpty() || components.stream().anyMatch(componentIds::contains);
  }
}
