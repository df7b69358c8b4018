package io.codelibra.lifeline.failover.pair;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.events.FailoverActionRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.failover.region.PairState;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends operators' and drills' requests to the pair's writer through {@code failover.commands} and waits (bounded)
 * for its decision. Without an explicit epoch a request carries the pair's epoch as this instance sees it, plus one.
 */
public class FailoverCommands {

  private final RegionPair pair;
  private final PublishedPair published;
  private final AcknowledgedPublisher publisher;
  private final Duration decisionWait;
  private final Clock clock;

  public FailoverCommands(RegionPair pair, PublishedPair published, AcknowledgedPublisher publisher, Duration decisionWait,
      Clock clock) {
    this.pair = pair;
    this.published = published;
    this.publisher = publisher;
    this.decisionWait = decisionWait;
    this.clock = clock;
  }

  public RegionPair pair() {
    return pair;
  }

  public PairState current() {
    return state().orElseThrow(() -> new PairNotHereException(pair.id()));
  }

  /** The pair's state, when this instance runs its writer. */
  public Optional<PairState> state() {
    return published.current();
  }

  /** Sends the request; the decision, or empty when the writer did not decide within the wait. */
  public Sent send(FailoverAction action, FailoverTrigger trigger, Long epoch, String reason, Actor by, boolean dryRun,
      String drillId, String source) {
    long fencing = epoch != null ? epoch : action == FailoverAction.approve_failback ? 0 : current().epoch() + 1;
    FailoverActionRequested request = FailoverActionRequested.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).setSource(source).setRegionPair(pair.id())
        .setAction(action).setTrigger(trigger).setEpoch(fencing).setReason(reason).setRequestedBy(by).setDryRun(dryRun)
        .setDrillId(drillId).build();
    publisher.publish(Topics.FAILOVER_COMMANDS.name(), pair.id(), request);
    try {
      return new Sent(request, published.awaitDecision(request.getEventId().toString(), decisionWait));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sent(request, Optional.empty());
    }
  }

  public Optional<PairDecision> decision(String requestId) {
    try {
      return published.awaitDecision(requestId, Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A request on the topic and the writer's decision on it, if it came in time. */
  public record Sent(FailoverActionRequested request, Optional<PairDecision> decision) {
  }
}
