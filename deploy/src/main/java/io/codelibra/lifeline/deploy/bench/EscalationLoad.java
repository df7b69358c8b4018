package io.codelibra.lifeline.deploy.bench;

import io.codelibra.lifeline.deploy.local.StackKafka;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Load driver for escalation-service (docs/benchmarks.md), against a running broker, registry and service.
 * <ul>
 *   <li>{@code latency <alerts/s> <seconds>}: new alerts at a steady rate; for each, the time from the broker's
 *   acknowledgement of the alert to the first {@code NotificationRequested} of its incident, read committed, next
 *   to the baseline: the same alert read back from {@code alerts} by a read-committed consumer.</li>
 *   <li>{@code timers <incidents> <restart-after-seconds> <restart-command>}: opens that many incidents as fast as
 *   the service takes them, then measures how late each level-2 escalation fires against its due time
 *   ({@code IncidentOpened.nextEscalationAt}); runs the restart command, and measures the level-3 escalations due
 *   after the restart the same way.</li>
 * </ul>
 */
public final class EscalationLoad {

  private final StackKafka kafka;

  private EscalationLoad(String bootstrap, String registry, String userInfo) {
    this.kafka = new StackKafka(bootstrap, registry, userInfo);
  }

  public static void main(String[] args) throws Exception {
    EscalationLoad load = new EscalationLoad(System.getProperty("lifeline.bootstrap", "localhost:9092"),
        System.getProperty("lifeline.registry", "http://localhost:8081"), System.getProperty("lifeline.registry.user-info", ""));
    switch (args.length == 0 ? "" : args[0]) {
      case "latency" -> load.latency(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "timers" -> load.timers(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
      default -> {
        System.err.println("usage: EscalationLoad latency <alerts/s> <seconds> | timers <incidents> <restart-after-s> <restart-command>");
        System.exit(2);
      }
    }
    System.exit(0);
  }

  private void latency(int perSecond, int seconds) throws Exception {
    String run = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    Map<String, Long> echoedAt = new ConcurrentHashMap<>();
    Map<String, String> fingerprintOf = new ConcurrentHashMap<>();
    Map<String, Long> firstPageAt = new ConcurrentHashMap<>();
    Thread reader = kafka.reader(List.of(Topics.ALERTS.name(), Topics.INCIDENTS.name(), Topics.NOTIFICATIONS.name()), record -> {
      long now = System.nanoTime();
      switch (record.value()) {
        case AlertRaised alert when alert.getFingerprint().startsWith(run) -> echoedAt.putIfAbsent(alert.getFingerprint(), now);
        case IncidentOpened opened when opened.getDedupKey().startsWith(run) ->
            fingerprintOf.put(opened.getIncidentId(), opened.getDedupKey());
        case NotificationRequested page -> firstPageAt.putIfAbsent(page.getIncidentId(), now);
        default -> { }
      }
    });
    try (KafkaProducer<String, SpecificRecord> producer = kafka.producer(1)) {
      long start = System.nanoTime();
      long total = (long) perSecond * seconds;
      for (long sent = 0; sent < total; sent++) {
        long due = start + sent * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        String fingerprint = run + sent;
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), fingerprint, alert(fingerprint)), (metadata, error) -> {
          if (error == null) {
            ackedAt.put(fingerprint, System.nanoTime());
          }
        });
      }
      producer.flush();
      System.out.printf("sent %d alerts at %d/s in %.1f s%n", total, perSecond, (System.nanoTime() - start) / 1e9);
    }
    Thread.sleep(5000);
    kafka.stop();
    reader.join();
    List<Double> pages = new ArrayList<>();
    firstPageAt.forEach((incident, pagedAt) -> {
      String fingerprint = fingerprintOf.get(incident);
      Long acked = fingerprint == null ? null : ackedAt.get(fingerprint);
      if (acked != null) {
        pages.add((pagedAt - acked) / 1e6);
      }
    });
    List<Double> echoes = new ArrayList<>();
    echoedAt.forEach((fingerprint, at) -> {
      Long acked = ackedAt.get(fingerprint);
      if (acked != null) {
        echoes.add((at - acked) / 1e6);
      }
    });
    System.out.println("alert acked -> first NotificationRequested: " + Percentiles.of(pages) + " (of " + ackedAt.size() + " acked)");
    System.out.println("baseline, alert acked -> alert read back:    " + Percentiles.of(echoes));
  }

  private void timers(int incidents, int restartAfterSeconds, String restartCommand) throws Exception {
    String run = "timers-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Map<String, Instant> dueLevel2 = new ConcurrentHashMap<>();
    Map<String, Double> lateLevel2 = new ConcurrentHashMap<>();
    Map<String, Double> seenLateLevel2 = new ConcurrentHashMap<>();
    Map<String, Instant> dueLevel3 = new ConcurrentHashMap<>();
    Map<String, Double> lateLevel3 = new ConcurrentHashMap<>();
    Map<String, Double> seenLateLevel3 = new ConcurrentHashMap<>();
    Map<String, Integer> firings = new ConcurrentHashMap<>();
    Thread reader = kafka.reader(List.of(Topics.INCIDENTS.name()), record -> {
      Instant now = Instant.now();
      switch (record.value()) {
        case IncidentOpened opened when opened.getDedupKey().startsWith(run) && opened.getNextEscalationAt() != null ->
            dueLevel2.put(opened.getIncidentId(), opened.getNextEscalationAt());
        case IncidentEscalated escalated when dueLevel2.containsKey(escalated.getIncidentId()) -> {
          firings.merge(escalated.getIncidentId() + "/" + escalated.getLevel(), 1, Integer::sum);
          if (escalated.getLevel() == 2) {
            Instant due = dueLevel2.get(escalated.getIncidentId());
            lateLevel2.put(escalated.getIncidentId(), millis(due, escalated.getOccurredAt()));
            seenLateLevel2.put(escalated.getIncidentId(), millis(due, now));
            if (escalated.getNextEscalationAt() != null) {
              dueLevel3.put(escalated.getIncidentId(), escalated.getNextEscalationAt());
            }
          } else if (escalated.getLevel() == 3 && dueLevel3.containsKey(escalated.getIncidentId())) {
            Instant due = dueLevel3.get(escalated.getIncidentId());
            lateLevel3.put(escalated.getIncidentId(), millis(due, escalated.getOccurredAt()));
            seenLateLevel3.put(escalated.getIncidentId(), millis(due, now));
          }
        }
        default -> { }
      }
    });
    Instant start = Instant.now();
    try (KafkaProducer<String, SpecificRecord> producer = kafka.producer(1)) {
      for (int i = 0; i < incidents; i++) {
        String fingerprint = run + i;
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), fingerprint, alert(fingerprint)));
      }
      producer.flush();
    }
    System.out.printf("sent %d alerts in %.1f s%n", incidents, Duration.between(start, Instant.now()).toMillis() / 1e3);
    awaitAll(dueLevel2, incidents, Duration.ofMinutes(5), "IncidentOpened");
    Instant lastOpened = Instant.now();
    System.out.printf("%d incidents open with a pending timer after %.1f s%n", dueLevel2.size(),
        Duration.between(start, lastOpened).toMillis() / 1e3);
    Instant restartAt = start.plusSeconds(restartAfterSeconds);
    awaitAll(lateLevel2, incidents, Duration.between(Instant.now(), restartAt).plusMinutes(5), "level-2 escalations");
    System.out.println("level 2, due -> IncidentEscalated.occurredAt: " + Percentiles.of(lateLevel2.values()));
    System.out.println("level 2, due -> seen by a read-committed consumer: " + Percentiles.of(seenLateLevel2.values()));
    while (Instant.now().isBefore(restartAt)) {
      Thread.sleep(200);
    }
    Instant restartBegan = Instant.now();
    Process restart = new ProcessBuilder("bash", "-c", restartCommand).inheritIO().start();
    int exit = restart.waitFor();
    Instant restarted = Instant.now();
    System.out.printf("restart command exited %d after %.1f s; %d level-3 timers were due during it%n", exit,
        Duration.between(restartBegan, restarted).toMillis() / 1e3,
        dueLevel3.values().stream().filter(due -> due.isBefore(restarted)).count());
    awaitAll(lateLevel3, dueLevel3.size(), Duration.ofMinutes(10), "level-3 escalations");
    List<Double> afterRestart = new ArrayList<>();
    List<Double> seenAfterRestart = new ArrayList<>();
    List<Double> duringRestart = new ArrayList<>();
    lateLevel3.forEach((incident, late) -> {
      if (dueLevel3.get(incident).isAfter(restarted)) {
        afterRestart.add(late);
        seenAfterRestart.add(seenLateLevel3.get(incident));
      } else {
        duringRestart.add(late);
      }
    });
    System.out.println("level 3 due after the restart, due -> occurredAt: " + Percentiles.of(afterRestart));
    System.out.println("level 3 due after the restart, due -> seen: " + Percentiles.of(seenAfterRestart));
    System.out.println("level 3 due while restarting (fired on start-up): " + Percentiles.of(duringRestart));
    long duplicates = firings.values().stream().filter(count -> count > 1).count();
    System.out.println("escalations fired more than once: " + duplicates);
    kafka.stop();
    reader.join();
  }

  private static double millis(Instant due, Instant at) {
    return Duration.between(due, at).toNanos() / 1e6;
  }

  private static void awaitAll(Map<String, ?> map, int expected, Duration timeout, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (map.size() < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    if (map.size() < expected) {
      System.out.printf("only %d of %d %s within %s%n", map.size(), expected, what, timeout);
    }
  }

  private static AlertRaised alert(String fingerprint) {
    return AlertRaised.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setSource("bench")
        .setFingerprint(fingerprint).setSourceType(AlertSourceType.generic).setService("checkout")
        .setSeverity(Severity.SEV1).setSummary("bench: checkout latency above 2 s").build();
  }
}
