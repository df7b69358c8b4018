package io.codelibra.lifeline.deploy.cli;

/** A command line that cannot be run as written; nothing has been sent to the service. */
public final class UsageException extends Exception {

  public UsageException(String message) {
    super(message);
  }
}
