package io.codelibra.lifeline.failover.api;

/** A request the API refuses before sending it: missing {@code From}, bad epoch. */
public class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String message) {
    super(message);
  }
}
