package io.codelibra.lifeline.recovery.api;

/** A run request the API cannot accept (400). */
public class InvalidRunRequestException extends RuntimeException {

  public InvalidRunRequestException(String message) {
    super(message);
  }
}
