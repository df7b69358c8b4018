package io.codelibra.lifeline.statuspage.subscriber;

/** The double opt-in e-mail could not be sent (no SMTP server, a refused message); the message names no address. */
public class ConfirmationNotSent extends RuntimeException {

  ConfirmationNotSent(String message, Throwable cause) {
    super(message, cause);
  }
}
