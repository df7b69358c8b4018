package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.DrillPhase;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.failover.region.RegionPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The drills of this instance: one runs at a time, on a thread of its own; the latest are kept for the API. Closing
 * interrupts a running drill, which then clears its fault before the service stops.
 */
public final class Drills implements AutoCloseable {

  private static final int KEPT = 100;
  private static final Duration CLEAN_UP = Duration.ofSeconds(30);

  private final DrillRunner runner;
  private final RegionPair pair;
  private final Clock clock;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("failover-drill").factory());
  private final Map<String, Drill> drills = new LinkedHashMap<>();

  public Drills(DrillRunner runner, RegionPair pair, Clock clock) {
    this.runner = runner;
    this.pair = pair;
    this.clock = clock;
  }

  /** Starts a drill, unless one is running or a live drill cannot break anything here. */
  public synchronized Drill start(DrillMode mode, String reason, Actor by, boolean rollback) {
    Optional<Drill> running = drills.values().stream().filter(Drill::running).findFirst();
    if (running.isPresent()) {
      throw new DrillRefusedException("drill " + running.get().id() + " is still running: one drill at a time");
    }
    if (mode == DrillMode.LIVE && !runner.canRunLive()) {
      throw new DrillRefusedException("a live drill needs a fault injection (lifeline.failover.fault-injection.mode: local "
          + "or fis); a dry run does not");
    }
    Drill drill = new Drill(UUID.randomUUID().toString(), pair.id(), mode, reason, by, rollback, clock.instant());
    drills.put(drill.id(), drill);
    if (drills.size() > KEPT) {
      drills.values().stream().filter(kept -> !kept.running()).findFirst().ifPresent(oldest -> drills.remove(oldest.id()));
    }
    executor.submit(() -> runner.run(drill));
    return drill;
  }

  public synchronized Optional<Drill> find(String drillId) {
    return Optional.ofNullable(drills.get(drillId));
  }

  /** Newest first. */
  public synchronized List<Drill> all() {
    List<Drill> all = new ArrayList<>(drills.values());
    return all.reversed();
  }

  /** An operator's checklist item for one of this instance's drills. */
  public Drill.ChecklistEntry record(String drillId, DrillPhase phase, String item, StepOutcome outcome, String detail,
      Actor by) {
    Drill drill = find(drillId).orElseThrow(() -> new DrillNotFoundException(drillId));
    return runner.journal(drill).record(phase, item, outcome, detail, by);
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(CLEAN_UP.toMillis(), TimeUnit.MILLISECONDS);
  }
}
