package io.codelibra.lifeline.registry.store;

import io.codelibra.lifeline.registry.error.RegistryException;
import io.codelibra.lifeline.registry.state.ApplyOutcome;
import io.codelibra.lifeline.registry.state.DeletionPlan;
import io.codelibra.lifeline.registry.state.LogRecord;
import io.codelibra.lifeline.registry.state.LogRecord.ConfigRecord;
import io.codelibra.lifeline.registry.state.LogRecord.SchemaRecord;
import io.codelibra.lifeline.registry.state.ParsedSchema;
import io.codelibra.lifeline.registry.state.RegistrationPlan;
import io.codelibra.lifeline.registry.state.RegistryState;
import io.codelibra.lifeline.registry.state.VersionRef;
import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations. Reads answer from this instance's state. Writes need no leader: a
 * write (1) waits until this instance has applied the log to its end, (2) plans on that state (next
 * version, the schema's id or the next id), (3) appends its records and (4) waits until its own
 * reader has applied them. Applying is a deterministic compare-and-set, so when two instances race
 * every instance rejects the same loser; the loser retries on the newer state (bounded), and a
 * rejected record left as the last of its key is overwritten with the key's real value, because
 * compaction keeps only the last record of a key.
 */
public class SchemaStore {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);

  private final SchemaLog log;
  private final Duration timeout;
  private final int attempts;
  private final ReentrantLock writes = new ReentrantLock();

  public SchemaStore(SchemaLog log, Duration timeout, int attempts) {
    this.log = log;
    this.timeout = timeout;
    this.attempts = attempts;
  }

  /** Answers a query from this instance's state. */
  public <T> T read(Function<RegistryState, T> query) {
    return log.read(query);
  }

  /** Registers the schema under the subject (idempotently) and returns its global id. */
  public int register(String subject, ParsedSchema schema) {
    return writing(() -> {
      Set<SchemaRecord> lost = new LinkedHashSet<>();
      try {
        for (int attempt = 1; attempt <= attempts; attempt++) {
          log.syncToEnd(timeout);
          RegistrationPlan plan = log.read(state -> state.planRegistration(subject, schema));
          switch (plan) {
            case RegistrationPlan.Existing existing -> {
              return existing.entry().id();
            }
            case RegistrationPlan.Incompatible incompatible ->
                throw RegistryException.incompatible(subject, incompatible.messages());
            case RegistrationPlan.NewVersion proposal -> {
              SchemaRecord record = SchemaRecord.of(proposal.entry());
              ApplyOutcome outcome = appendAndAwait(record);
              if (!outcome.isRejected()) {
                return proposal.entry().id();
              }
              LOG.info("registration of subject '{}' version {} id {} lost to a concurrent write ({}); attempt {} of {}",
                  subject, record.version(), proposal.entry().id(), outcome.reason(), attempt, attempts);
              lost.add(record);
              backOff(attempt);
            }
          }
        }
        throw RegistryException.storeError("Register operation failed while writing to the Kafka store: "
            + attempts + " attempts lost to concurrent registrations", null);
      } finally {
        overwriteRejected(lost);
      }
    });
  }

  public DeletionPlan deleteSubject(String subject, boolean permanent) {
    return delete(state -> state.planSubjectDeletion(subject, permanent));
  }

  public DeletionPlan deleteVersion(String subject, VersionRef version, boolean permanent) {
    return delete(state -> state.planVersionDeletion(subject, version, permanent));
  }

  /** Sets the compatibility level of a subject, or the global one when subject is null. */
  public void setCompatibility(String subject, CompatibilityLevel level) {
    writing(() -> {
      log.syncToEnd(timeout);
      return appendAndAwait(new ConfigRecord(subject, level.name()));
    });
  }

  /** Removes the global level (back to the default); answers the level in force before. */
  public CompatibilityLevel clearGlobalCompatibility() {
    return writing(() -> {
      log.syncToEnd(timeout);
      CompatibilityLevel previous = log.read(RegistryState::globalLevel);
      appendAndAwait(new ConfigRecord(null, null));
      return previous;
    });
  }

  /** Removes a subject's own level; answers it, or 40408 when the subject has none. */
  public CompatibilityLevel clearSubjectCompatibility(String subject) {
    return writing(() -> {
      log.syncToEnd(timeout);
      Optional<CompatibilityLevel> previous = log.read(state -> state.subjectLevel(subject));
      if (previous.isEmpty()) {
        throw RegistryException.subjectCompatibilityNotConfigured(subject);
      }
      appendAndAwait(new ConfigRecord(subject, null));
      return previous.get();
    });
  }

  private DeletionPlan delete(Function<RegistryState, DeletionPlan> planner) {
    return writing(() -> {
      log.syncToEnd(timeout);
      DeletionPlan plan = log.read(planner);
      List<Long> offsets = log.append(plan.records(), timeout);
      Set<SchemaRecord> lost = new LinkedHashSet<>();
      for (int index = 0; index < offsets.size(); index++) {
        ApplyOutcome outcome = log.awaitApplied(offsets.get(index), timeout);
        if (plan.records().get(index) instanceof SchemaRecord record && record.value() != null) {
          if (outcome.kind() == ApplyOutcome.Kind.CREATED) {
            // The version was permanently deleted meanwhile: the soft delete must not bring it back.
            appendAndAwait(SchemaRecord.tombstone(record.subject(), record.version()));
          } else if (outcome.isRejected()) {
            lost.add(record);
          }
        }
      }
      overwriteRejected(lost);
      return plan;
    });
  }

  /** Overwrites each rejected record that is still the last of its key with the key's accepted value. */
  private void overwriteRejected(Set<SchemaRecord> rejected) {
    for (SchemaRecord record : rejected) {
      try {
        for (int attempt = 1; attempt <= attempts; attempt++) {
          log.syncToEnd(timeout);
          SchemaRecord current = log.read(state -> state.lastRecordRejected(record.subject(), record.version())
              ? state.currentRecord(record.subject(), record.version())
              : null);
          if (current == null) {
            break;
          }
          ApplyOutcome outcome = appendAndAwait(current);
          if (outcome.kind() == ApplyOutcome.Kind.CREATED) {
            appendAndAwait(SchemaRecord.tombstone(record.subject(), record.version()));
          }
        }
      } catch (RegistryException e) {
        LOG.warn("could not overwrite the rejected record of subject '{}' version {}: {}",
            record.subject(), record.version(), e.getMessage());
      }
    }
  }

  /** A random pause growing with the attempt, so two instances that keep colliding fall out of step. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted while retrying a registration", e);
    }
  }

  private ApplyOutcome appendAndAwait(LogRecord record) {
    long offset = log.append(List.of(record), timeout).getFirst();
    return log.awaitApplied(offset, timeout);
  }

  /** One write at a time per instance: writes of one instance never race each other. */
  private <T> T writing(Supplier<T> write) {
    try {
      if (!writes.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw RegistryException.timeout("Timed out after " + timeout + " waiting for earlier writes", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted while waiting for earlier writes", e);
    }
    try {
      return write.get();
    } finally {
      writes.unlock();
    }
  }
}
