package io.codelibra.lifeline.failover.monitor;

import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.failover.health.HealthChange;
import io.codelibra.lifeline.failover.health.HealthProbe;
import io.codelibra.lifeline.failover.health.RegionHealthMonitor;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.runtime.publish.PublishNotAcknowledgedException;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs each region's {@link RegionHealthMonitor} on a virtual thread of its own (a slow probe of one region never
 * delays the other's) and publishes every change of a region's judged health as {@code RegionHealthChanged} on
 * {@code failover.events}, keyed by the pair. A change the broker does not acknowledge is retried on the next tick,
 * so none is lost; the monitor's own state moves on only after the event is on the topic.
 */
public class HealthMonitoring implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HealthMonitoring.class);

  private final RegionPair pair;
  private final List<RegionHealthMonitor> monitors;
  private final HealthProbe probe;
  private final RegionHealthEvents events;
  private final AcknowledgedPublisher publisher;
  private final Duration tick;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  public HealthMonitoring(RegionPair pair, List<RegionHealthMonitor> monitors, HealthProbe probe, RegionHealthEvents events,
      AcknowledgedPublisher publisher, Duration tick) {
    this.pair = pair;
    this.monitors = List.copyOf(monitors);
    this.probe = probe;
    this.events = events;
    this.publisher = publisher;
    this.tick = tick;
  }

  @Override
  public void start() {
    running = true;
    for (RegionHealthMonitor monitor : monitors) {
      threads.add(Thread.ofVirtual().name("health-" + monitor.region()).start(() -> watch(monitor)));
    }
    log.info("health monitoring of {} started: {} region(s) with checks", pair.id(), monitors.size());
  }

  private void watch(RegionHealthMonitor monitor) {
    RegionHealthChanged pending = null;
    while (running) {
      try {
        if (pending == null) {
          Optional<HealthChange> change = monitor.tick(probe);
          pending = change.map(events::of).orElse(null);
        }
        if (pending != null) {
          publisher.publish(Topics.FAILOVER_EVENTS.name(), pair.id(), pending);
          log.info("{} is {} ({})", pending.getRegion(), pending.getHealth(), pending.getReason());
          pending = null;
        }
      } catch (PublishNotAcknowledgedException e) {
        log.warn("RegionHealthChanged for {} not acknowledged, retrying: {}", monitor.region(), e.getMessage());
      } catch (RuntimeException e) {
        log.error("health check round of {} failed", monitor.region(), e);
      }
      try {
        Thread.sleep(tick);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
