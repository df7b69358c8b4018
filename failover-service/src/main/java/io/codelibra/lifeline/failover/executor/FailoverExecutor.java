package io.codelibra.lifeline.failover.executor;

import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each accepted {@code FailoverRequested} of the pair, one at a time, and publishes its {@code FailoverCompleted}
 * on {@code failover.events}; the record counts as consumed only once the broker acknowledged that result (otherwise
 * it is redelivered and run again: every step is idempotent). The epoch fences runs: a request whose epoch is not
 * newer than the last one executed for the pair is refused, so a delayed or replayed request never moves traffic back.
 */
public class FailoverExecutor {

  private static final Logger log = LoggerFactory.getLogger(FailoverExecutor.class);

  private final RegionPair pair;
  private final FailoverRunner runner;
  private final AcknowledgedPublisher publisher;
  private final MeterRegistry meters;
  private final ConcurrentMap<String, Long> executedEpochs = new ConcurrentHashMap<>();

  public FailoverExecutor(RegionPair pair, FailoverRunner runner, AcknowledgedPublisher publisher, MeterRegistry meters) {
    this.pair = pair;
    this.runner = runner;
    this.publisher = publisher;
    this.meters = meters;
  }

  public void execute(SpecificRecord event) {
    if (!(event instanceof FailoverRequested request)) {
      return;
    }
    if (!pair.id().equals(request.getRegionPair())) {
      log.warn("FailoverRequested {} for region pair '{}' ignored: this service runs {}", request.getFailoverId(),
          request.getRegionPair(), pair.id());
      return;
    }
    long executed = executedEpochs.getOrDefault(request.getRegionPair(), 0L);
    if (!request.getDryRun() && request.getEpoch() <= executed) {
      log.warn("FailoverRequested {} refused: epoch {} is not after the last executed epoch {}", request.getFailoverId(),
          request.getEpoch(), executed);
      meters.counter("lifeline.failover.runs.fenced").increment();
      return;
    }
    log.info("{} {} {} -> {} (epoch {}, {}{})", request.getDirection(), request.getFailoverId(), request.getFromRegion(),
        request.getToRegion(), request.getEpoch(), request.getTrigger(), request.getDryRun() ? ", dry run" : "");
    FailoverCompleted completed = runner.run(request);
    publisher.publish(Topics.FAILOVER_EVENTS.name(), request.getRegionPair(), completed);
    if (!request.getDryRun()) {
      executedEpochs.merge(request.getRegionPair(), request.getEpoch(), Math::max);
    }
    Timer.builder("lifeline.failover.run.duration").tag("direction", request.getDirection().name())
        .tag("outcome", completed.getOutcome().name()).tag("dry_run", Boolean.toString(request.getDryRun()))
        .register(meters).record(Duration.ofMillis(completed.getDurationMs()));
    log.info("{} {} {} in {} ms, traffic on {}{}", request.getDirection(), request.getFailoverId(), completed.getOutcome(),
        completed.getDurationMs(), completed.getActiveRegion(), completed.getError() == null ? "" : ": " + completed.getError());
  }
}
