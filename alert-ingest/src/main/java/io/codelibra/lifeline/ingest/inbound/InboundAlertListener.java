package io.codelibra.lifeline.ingest.inbound;

import io.codelibra.lifeline.ingest.alert.AlertIntake;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.MessageListener;

/**
 * One record of {@code alerts.inbound} at a time: a valid one goes through the intake and returns
 * only once the broker acknowledged its normalised event on {@code alerts}; an invalid one throws
 * {@link InvalidInboundRecordException} for the error handler to dead-letter. Whatever else is thrown
 * (broker or registry unavailable) leaves the offset uncommitted and the record is retried.
 */
public class InboundAlertListener implements MessageListener<byte[], byte[]> {

  /** The {@code source} tag of this receiver's metrics. */
  public static final String RECEIVER = "kafka";

  private final InboundRecordReader reader;
  private final AlertIntake intake;

  public InboundAlertListener(InboundRecordReader reader, AlertIntake intake) {
    this.reader = reader;
    this.intake = intake;
  }

  @Override
  public void onMessage(ConsumerRecord<byte[], byte[]> record) {
    switch (reader.read(record.topic(), record.value())) {
      case InboundRecord.Alert(var alert) -> intake.accept(RECEIVER, null, List.of(alert));
      case InboundRecord.Rejected(var reason, var message) -> throw new InvalidInboundRecordException(reason, message);
    }
  }
}
