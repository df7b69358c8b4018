package io.codelibra.lifeline.runtime.streams;

import io.codelibra.lifeline.schemas.topics.DeadLetterHeaders;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns an undecodable input into its dead letter: the original bytes, unchanged, with the record's own
 * headers followed by Lifeline's {@link DeadLetterHeaders} (the same contract as alerts.inbound.dlq).
 */
public final class DeadLetterStamp implements FixedKeyProcessor<String, DecodedEvent, byte[]> {

  public static final String REASON = "undecodable";
  private static final int MAX_ERROR_LENGTH = 1000;

  private FixedKeyProcessorContext<String, byte[]> context;

  @Override
  public void init(FixedKeyProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, DecodedEvent> record) {
    RecordMetadata origin = context.recordMetadata().orElseThrow();
    Headers headers = new RecordHeaders(record.headers().toArray());
    for (Header header : DeadLetterHeaders.of(REASON, truncate(record.value().error()), origin.topic(),
        origin.partition(), origin.offset(), context.applicationId(),
        Instant.ofEpochMilli(context.currentSystemTimeMs()))) {
      headers.add(header);
    }
    context.forward(record.withValue(record.value().raw()).withHeaders(headers));
  }

  private static String truncate(String error) {
    String text = error == null ? REASON : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
