package io.codelibra.lifeline.runtime.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/** Counts the events a service consumes, per topic and event type ({@code lifeline.events.consumed}). */
public class ConsumedEvents {

  private record TopicAndType(String topic, String type) {
  }

  private final MeterRegistry meters;
  // One lookup per topic and type, not a meter registration per event.
  private final Map<TopicAndType, Counter> counters = new ConcurrentHashMap<>();

  public ConsumedEvents(MeterRegistry meters) {
    this.meters = meters;
  }

  public void record(Message<SpecificRecord> message) {
    Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
    TopicAndType key = new TopicAndType(topic == null ? "unknown" : topic.toString(),
        message.getPayload().getSchema().getName());
    counters.computeIfAbsent(key, tags -> Counter.builder("lifeline.events.consumed")
        .description("Events consumed from Lifeline topics")
        .tag("topic", tags.topic())
        .tag("type", tags.type())
        .register(meters)).increment();
  }
}
