package io.codelibra.lifeline.ingest.cloudwatch;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of message SNS posts to an HTTP(S) subscriber, by their {@code Type} value. */
public enum SnsMessageType {
  SUBSCRIPTION_CONFIRMATION("SubscriptionConfirmation"),
  NOTIFICATION("Notification"),
  UNSUBSCRIBE_CONFIRMATION("UnsubscribeConfirmation");

  private final String wireName;

  SnsMessageType(String wireName) {
    this.wireName = wireName;
  }

  /** The value of {@code Type} and of the {@code x-amz-sns-message-type} header. */
  public String wireName() {
    return wireName;
  }

  public static Optional<SnsMessageType> of(String wireName) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
  }
}
