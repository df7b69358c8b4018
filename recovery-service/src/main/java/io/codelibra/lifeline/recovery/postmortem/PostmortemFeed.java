package io.codelibra.lifeline.recovery.postmortem;

import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every topic an incident's story is on into the {@link IncidentTimeline}, on its own thread, and stores each
 * resolved incident's draft a {@code settle} time after its {@code IncidentResolved} (again when a later event names
 * it). Every instance reads every partition from the beginning and commits nothing: the timeline lives in memory, so it
 * is rebuilt from the log at each start, and an instance that saw only some partitions would draft half a story.
 */
public final class PostmortemFeed implements SmartLifecycle {

  static final List<String> TOPICS = List.of(Topics.ALERTS.name(), Topics.INCIDENTS.name(),
      Topics.STATUS_INCIDENTS.name(), Topics.FAILOVER_REQUESTS.name(), Topics.FAILOVER_EVENTS.name(),
      Topics.RECOVERY_RUNS.name());

  private static final Logger log = LoggerFactory.getLogger(PostmortemFeed.class);
  private static final Duration RESCAN_TOPICS = Duration.ofSeconds(30);

  private final Supplier<Consumer<String, Object>> consumers;
  private final IncidentTimeline timeline;
  private final PostmortemStore store;
  private final Clock clock;
  private final Duration settle;
  private final Duration pollTimeout;
  private final Map<String, Instant> due = new LinkedHashMap<>();
  private volatile boolean running;
  private volatile Consumer<String, Object> consumer;
  private Thread thread;

  public PostmortemFeed(Supplier<Consumer<String, Object>> consumers, IncidentTimeline timeline, PostmortemStore store,
      Clock clock, Duration settle, Duration pollTimeout) {
    this.consumers = consumers;
    this.timeline = timeline;
    this.store = store;
    this.clock = clock;
    this.settle = settle;
    this.pollTimeout = pollTimeout;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("postmortem-feed").daemon().start(this::read);
  }

  @Override
  public synchronized void stop() {
    running = false;
    Consumer<String, Object> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Takes one event, as the poll loop does; also the seam for tests. */
  void take(SpecificRecord event) {
    timeline.accept(event);
    if (event instanceof IncidentResolved resolved) {
      due.put(resolved.getIncidentId(), clock.instant().plus(settle));
    } else {
      IncidentTimeline.namedIncident(event).filter(timeline::resolved)
          .ifPresent(id -> due.putIfAbsent(id, clock.instant().plus(settle)));
    }
  }

  /** Stores the drafts whose settle time has passed. */
  void storeDue() {
    Instant now = clock.instant();
    for (Iterator<Map.Entry<String, Instant>> it = due.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> entry = it.next();
      if (entry.getValue().isAfter(now)) {
        continue;
      }
      it.remove();
      String incidentId = entry.getKey();
      if (!IncidentIds.safe(incidentId)) {
        log.warn("not storing the post-incident review of incident id '{}': it cannot name a file", incidentId);
        continue;
      }
      timeline.evidence(incidentId).ifPresent(evidence -> {
        try {
          PostmortemStore.Outcome outcome = store.write(incidentId, PostmortemDraft.render(evidence, now));
          log.info("post-incident review of {}: {}", incidentId, outcome);
        } catch (RuntimeException e) {
          log.error("cannot store the post-incident review of {}", incidentId, e);
        }
      });
    }
  }

  private void read() {
    try (Consumer<String, Object> c = consumers.get()) {
      consumer = c;
      Set<TopicPartition> assigned = new HashSet<>();
      Instant nextScan = Instant.MIN;
      int topicsFound = 0;
      while (running) {
        if (topicsFound < TOPICS.size() && !clock.instant().isBefore(nextScan)) {
          try {
            topicsFound = assign(c, assigned);
          } catch (WakeupException stopping) {
            throw stopping;
          } catch (KafkaException unavailable) {
            log.warn("post-incident feed cannot list its topics yet: {}", unavailable.getMessage());
          }
          nextScan = clock.instant().plus(RESCAN_TOPICS);
        }
        if (assigned.isEmpty()) {
          Thread.sleep(pollTimeout);
          continue;
        }
        ConsumerRecords<String, Object> records;
        try {
          records = c.poll(pollTimeout);
        } catch (RecordDeserializationException undecodable) {
          log.warn("skipping undecodable record {}@{}: {}", undecodable.topicPartition(), undecodable.offset(),
              undecodable.getMessage());
          c.seek(undecodable.topicPartition(), undecodable.offset() + 1);
          continue;
        }
        for (ConsumerRecord<String, Object> consumed : records) {
          if (consumed.value() instanceof SpecificRecord event) {
            take(event);
          }
        }
        storeDue();
      }
    } catch (WakeupException stopping) {
      if (running) {
        log.error("post-incident feed woken up while running", stopping);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("post-incident feed stopped: post-incident reviews are no longer updated", e);
      running = false;
    } finally {
      consumer = null;
    }
  }

  /** Assigns every partition of the topics that exist, the new ones from the beginning; returns how many topics do. */
  private int assign(Consumer<String, Object> c, Set<TopicPartition> assigned) {
    List<TopicPartition> found = new ArrayList<>();
    int topics = 0;
    for (String topic : TOPICS) {
      List<PartitionInfo> partitions = c.partitionsFor(topic);
      if (partitions == null || partitions.isEmpty()) {
        continue;
      }
      topics++;
      partitions.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
    }
    List<TopicPartition> fresh = found.stream().filter(p -> !assigned.contains(p)).toList();
    if (!fresh.isEmpty()) {
      assigned.addAll(fresh);
      c.assign(assigned);
      c.seekToBeginning(fresh);
      log.info("post-incident feed reads {} partition(s) of {} of {} topic(s)", assigned.size(), topics, TOPICS.size());
    }
    return topics;
  }
}
