package io.codelibra.lifeline.recovery.schedule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Cron-scheduled work (scheduled runbooks, backup verification), started with the application and cancelled with it.
 * Spring's {@link CronTrigger} computes the times, DST-correct in the given zone.
 */
public final class ScheduledWork implements SmartLifecycle {

  /** One thing to do on a cron. */
  public record Job(String name, String cron, ZoneId zone, Runnable work) {
  }

  private final TaskScheduler scheduler;
  private final List<Job> jobs;
  private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

  public ScheduledWork(TaskScheduler scheduler, List<Job> jobs) {
    this.scheduler = scheduler;
    this.jobs = List.copyOf(jobs);
  }

  public List<Job> jobs() {
    return jobs;
  }

  @Override
  public synchronized void start() {
    for (Job job : jobs) {
      scheduled.add(scheduler.schedule(job.work(), new CronTrigger(job.cron(), job.zone())));
    }
  }

  @Override
  public synchronized void stop() {
    scheduled.forEach(future -> future.cancel(false));
    scheduled.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return !scheduled.isEmpty();
  }
}
