package io.codelibra.lifeline.failover.drill;

import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Port: the pair's events as they happen ({@code failover.events} and {@code failover.requests}, committed records
 * only), from the moment the feed was opened. A drill watches it to see what Lifeline did, exactly as a subscriber would.
 */
public interface FailoverEventFeed extends AutoCloseable {

  /** The events that arrived since the last poll, waiting up to {@code timeout} for some. */
  List<SpecificRecord> poll(Duration timeout);

  @Override
  void close();

  /** Opens feeds positioned at the topics' ends. */
  @FunctionalInterface
  interface Opener {

    /** A feed that will return every event appended after this call returned, and none from before. */
    FailoverEventFeed openAtEnd();
  }
}
