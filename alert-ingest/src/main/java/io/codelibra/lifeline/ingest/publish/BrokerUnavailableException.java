package io.codelibra.lifeline.ingest.publish;

/** The broker did not acknowledge an event in time: the sender must retry, nothing was accepted. */
public class BrokerUnavailableException extends RuntimeException {

  public BrokerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
