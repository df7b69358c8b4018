package io.codelibra.lifeline.recovery.run;

import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the run ledger from {@code recovery.runs} at start-up: every partition read from its beginning to the end
 * it had when the replay began (no group, nothing committed), then the unfinished runs are resumed.
 */
public final class RunJournalReplay {

  private static final Logger log = LoggerFactory.getLogger(RunJournalReplay.class);

  private final Supplier<Consumer<String, SpecificRecord>> consumers;
  private final RunLedger ledger;

  public RunJournalReplay(Supplier<Consumer<String, SpecificRecord>> consumers, RunLedger ledger) {
    this.consumers = consumers;
    this.ledger = ledger;
  }

  /** Reads the topic into the ledger; the number of events read. */
  public int replay() {
    try (Consumer<String, SpecificRecord> consumer = consumers.get()) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.RECOVERY_RUNS.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      int read = 0;
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null) {
            ledger.apply(record.value());
            read++;
          }
        }
      }
      log.info("run ledger rebuilt from {} events of {}: {} unfinished run(s)", read, Topics.RECOVERY_RUNS.name(),
          ledger.unfinished().size());
      return read;
    }
  }
}
