package io.codelibra.lifeline.runtime.publish;

/** The broker did not acknowledge an event in time: the request it carried was not accepted. */
public class PublishNotAcknowledgedException extends RuntimeException {

  public PublishNotAcknowledgedException(String topic, Throwable cause) {
    super("the broker did not acknowledge the event on " + topic, cause);
  }
}
