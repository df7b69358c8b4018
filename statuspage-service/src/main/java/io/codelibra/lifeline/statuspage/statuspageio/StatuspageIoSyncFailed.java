package io.codelibra.lifeline.statuspage.statuspageio;

/**
 * Statuspage.io did not take a component's status after every attempt: thrown to the binder, which retries
 * the record or sends it to the dead-letter topic rather than losing the change.
 */
public class StatuspageIoSyncFailed extends RuntimeException {

  StatuspageIoSyncFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
