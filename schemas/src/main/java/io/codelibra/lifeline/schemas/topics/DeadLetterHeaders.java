package io.codelibra.lifeline.schemas.topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers Lifeline adds to a record it dead-letters, as UTF-8 text so any client in any language
 * can read them (Spring Kafka's own {@code kafka_dlt-original-*} headers hold binary numbers).
 * The record's own headers are kept before them; on a record dead-lettered twice, read the last one.
 * Every Lifeline dead-letter topic ({@code alerts.inbound.dlq}, {@code escalation.dlq}) uses them.
 */
public final class DeadLetterHeaders {

  /** Why, as a short code, e.g. {@code invalid_alert} or {@code undecodable}. */
  public static final String REASON = "lifeline.dlq.reason";
  /** What is wrong, for the sender to fix. */
  public static final String ERROR = "lifeline.dlq.error";
  public static final String SOURCE_TOPIC = "lifeline.dlq.source-topic";
  /** Decimal partition number. */
  public static final String SOURCE_PARTITION = "lifeline.dlq.source-partition";
  /** Decimal offset. */
  public static final String SOURCE_OFFSET = "lifeline.dlq.source-offset";
  /** The consumer group (or Kafka Streams application id) that rejected it. */
  public static final String CONSUMER_GROUP = "lifeline.dlq.consumer-group";
  /** When it was rejected, ISO-8601 UTC, e.g. {@code 2026-11-24T10:15:30.123Z}. */
  public static final String FAILED_AT = "lifeline.dlq.failed-at";

  private DeadLetterHeaders() {
  }

  /** The headers naming the reason, the record's origin, who rejected it and when. */
  public static Headers of(String reason, String error, String sourceTopic, int sourcePartition, long sourceOffset,
      String consumerGroup, Instant failedAt) {
    Headers headers = new RecordHeaders();
    add(headers, REASON, reason);
    add(headers, ERROR, error == null ? reason : error);
    add(headers, SOURCE_TOPIC, sourceTopic);
    add(headers, SOURCE_PARTITION, Integer.toString(sourcePartition));
    add(headers, SOURCE_OFFSET, Long.toString(sourceOffset));
    add(headers, CONSUMER_GROUP, consumerGroup);
    add(headers, FAILED_AT, failedAt.toString());
    return headers;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
