package io.codelibra.lifeline.failover.pair;

import io.codelibra.lifeline.events.FailoverActionRequested;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.failover.region.PairEffect;
import io.codelibra.lifeline.failover.region.PairEffect.FailoverOrdered;
import io.codelibra.lifeline.failover.region.PairEffect.PrimaryRestored;
import io.codelibra.lifeline.failover.region.PairEffect.Refused;
import io.codelibra.lifeline.failover.region.PairEffect.RegionAlarm;
import io.codelibra.lifeline.failover.region.PairEvents;
import io.codelibra.lifeline.failover.region.PairInput;
import io.codelibra.lifeline.failover.region.PairInput.Tick;
import io.codelibra.lifeline.failover.region.PairState;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.region.RegionStateMachine;
import io.codelibra.lifeline.failover.region.Transition;
import io.codelibra.lifeline.runtime.streams.Emission;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region pair's single writer: applies health changes, run results, operators' requests and the passing of time
 * to the pair's {@link RegionStateMachine}, keeps the state in a changelogged store, and writes what the machine
 * decided (region alarms to {@code alerts}, accepted requests to {@code failover.requests}, {@code RegionRestored} to
 * {@code failover.events}) in the same exactly-once transaction. Refusals are logged and answered to the requester.
 */
final class PairProcessor implements Processor<String, SpecificRecord, String, Emission> {

  private static final Logger log = LoggerFactory.getLogger(PairProcessor.class);

  private final RegionPair pair;
  private final RegionStateMachine machine;
  private final PairEvents events;
  private final PublishedPair published;
  private final Duration tick;
  private ProcessorContext<String, Emission> context;
  private PairStore store;
  private PairState state;

  PairProcessor(RegionPair pair, RegionStateMachine machine, PairEvents events, PublishedPair published, Duration tick) {
    this.pair = pair;
    this.machine = machine;
    this.events = events;
    this.published = published;
    this.tick = tick;
  }

  @Override
  public void init(ProcessorContext<String, Emission> context) {
    this.context = context;
    this.store = new PairStore(context.getStateStore(PairStore.NAME));
    // Only the task of the pair's partition holds it; the other tasks of this instance stay silent.
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, at -> {
      if (state != null || ownsPair()) {
        apply(new Tick(Instant.ofEpochMilli(at)), null, null);
      }
    });
  }

  private boolean ownsPair() {
    return store.exists(pair);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    if (!pair.id().equals(record.key())) {
      log.warn("{} for region pair '{}' ignored: this service runs the pair {}", record.value().getSchema().getName(),
          record.key(), pair.id());
      if (record.value() instanceof FailoverActionRequested request) {
        decided(request, false, null, "unknown region pair '" + record.key() + "': this service runs " + pair.id());
      }
      return;
    }
    switch (record.value()) {
      case FailoverActionRequested request -> command(request);
      case RegionHealthChanged changed -> PairInputs.ofEvent(changed)
          .ifPresent(input -> apply(input, changed.getOccurredAt(), changed.getEventId()));
      default -> PairInputs.ofEvent(record.value()).ifPresent(input -> apply(input, null, null));
    }
  }

  private void command(FailoverActionRequested request) {
    Optional<PairInput> input = PairInputs.ofCommand(request);
    if (input.isEmpty()) {
      decided(request, false, null, "unknown action " + request.getAction());
      return;
    }
    Transition transition = apply(input.get(), null, request.getEventId());
    String failoverId = transition.effects().stream().filter(FailoverOrdered.class::isInstance).map(FailoverOrdered.class::cast)
        .map(ordered -> ordered.request().failoverId()).findFirst().orElse(null);
    String detail = transition.effects().stream().map(PairProcessor::describe).collect(Collectors.joining("; "));
    decided(request, !transition.refused(), failoverId, detail.isEmpty() ? request.getAction() + " recorded" : detail);
  }

  private Transition apply(PairInput input, Instant detectedAt, UUID triggerEventId) {
    PairState before = current();
    Transition transition = machine.apply(before, input);
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    for (PairEffect effect : transition.effects()) {
      if (effect instanceof Refused refused) {
        log.info("pair {}: {} refused: {}", pair.id(), input.getClass().getSimpleName(), refused.reason());
        continue;
      }
      SpecificRecord event = events.of(effect, now, detectedAt == null ? input.at() : detectedAt, triggerEventId);
      Emission emission = new Emission(topicOf(effect), keyOf(effect), event);
      log.info("pair {}: {} -> {} on {}", pair.id(), before.phase(), event.getSchema().getName(), emission.topic());
      context.forward(new Record<>(emission.key(), emission, now.toEpochMilli()));
    }
    if (!transition.state().equals(before)) {
      store.save(transition.state());
      if (transition.state().phase() != before.phase()) {
        log.info("pair {}: {} -> {} (epoch {})", pair.id(), before.phase(), transition.state().phase(), transition.state().epoch());
      }
    }
    state = transition.state();
    published.publish(state);
    return transition;
  }

  private PairState current() {
    if (state == null) {
      state = store.load(pair);
    }
    return state;
  }

  private void decided(FailoverActionRequested request, boolean accepted, String failoverId, String detail) {
    published.decided(new PairDecision(request.getEventId().toString(), accepted, failoverId, detail,
        Instant.ofEpochMilli(context.currentSystemTimeMs())));
  }

  private String topicOf(PairEffect effect) {
    return switch (effect) {
      case RegionAlarm alarm -> Topics.ALERTS.name();
      case FailoverOrdered ordered -> Topics.FAILOVER_REQUESTS.name();
      case PrimaryRestored restored -> Topics.FAILOVER_EVENTS.name();
      case Refused refused -> throw new IllegalArgumentException("a refusal is not written");
    };
  }

  private String keyOf(PairEffect effect) {
    return effect instanceof RegionAlarm alarm ? PairEvents.alarmFingerprint(alarm.region()) : pair.id();
  }

  private static String describe(PairEffect effect) {
    return switch (effect) {
      case Refused refused -> refused.reason();
      case FailoverOrdered ordered -> (ordered.dryRun() ? "dry run: would " : "") + ordered.request().direction() + " "
          + ordered.fromRegion() + " -> " + ordered.toRegion() + " (" + ordered.request().failoverId() + ", epoch "
          + ordered.request().epoch() + ")";
      case PrimaryRestored restored -> restored.region() + " restored";
      case RegionAlarm alarm -> alarm.region() + (alarm.raised() ? " alarm raised" : " alarm resolved");
    };
  }

  @Override
  public void close() {
    if (state != null) {
      // Another instance may own the pair from now on.
      published.clear();
    }
  }
}
