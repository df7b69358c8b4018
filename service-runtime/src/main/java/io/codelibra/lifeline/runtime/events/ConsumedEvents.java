package io.codelibra.lifeline.runtime.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/** Counts the events a service consumes, per topic and event type ({@code lifeline.events.consumed}). */
public class ConsumedEvents {

  private final MeterRegistry meters;

  public ConsumedEvents(MeterRegistry meters) {
    this.meters = meters;
  }

  public void record(Message<SpecificRecord> message) {
    Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
    Counter.builder("lifeline.events.consumed")
        .description("Events consumed from Lifeline topics")
        .tag("topic", topic == null ? "unknown" : topic.toString())
        .tag("type", message.getPayload().getSchema().getName())
        .register(meters)
        .increment();
  }
}
