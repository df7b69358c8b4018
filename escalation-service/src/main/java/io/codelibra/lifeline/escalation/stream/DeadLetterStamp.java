package io.codelibra.lifeline.escalation.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns an undecodable input into its dead letter: the original bytes, unchanged, with the reason and
 * origin in {@code lifeline.dlq.*} headers (the same names alert-ingest uses on alerts.inbound.dlq).
 */
final class DeadLetterStamp implements FixedKeyProcessor<String, DecodedEvent, byte[]> {

  static final String REASON = "lifeline.dlq.reason";
  static final String ERROR = "lifeline.dlq.error";
  static final String SOURCE_TOPIC = "lifeline.dlq.source-topic";
  static final String SOURCE_PARTITION = "lifeline.dlq.source-partition";
  static final String SOURCE_OFFSET = "lifeline.dlq.source-offset";
  static final String FAILED_AT = "lifeline.dlq.failed-at";
  private static final int MAX_ERROR_LENGTH = 1000;

  private FixedKeyProcessorContext<String, byte[]> context;

  @Override
  public void init(FixedKeyProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, DecodedEvent> record) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    put(headers, REASON, "undecodable");
    put(headers, ERROR, truncate(record.value().error()));
    context.recordMetadata().ifPresent(metadata -> {
      put(headers, SOURCE_TOPIC, metadata.topic());
      put(headers, SOURCE_PARTITION, Integer.toString(metadata.partition()));
      put(headers, SOURCE_OFFSET, Long.toString(metadata.offset()));
    });
    put(headers, FAILED_AT, Instant.ofEpochMilli(context.currentSystemTimeMs()).toString());
    context.forward(record.withValue(record.value().raw()).withHeaders(headers));
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String truncate(String error) {
    String text = error == null ? "unknown" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
