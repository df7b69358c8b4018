package io.codelibra.lifeline.deploy.cli;

import java.net.ConnectException;
import java.net.URI;

/** failover-service gave no HTTP answer at all (not running, wrong URL, timed out). */
public final class FailoverServiceUnreachableException extends Exception {

  public FailoverServiceUnreachableException(URI uri, Throwable cause) {
    super("failover-service does not answer at " + uri + " (" + describe(cause) + ")", cause);
  }

  /** The JDK's HttpClient often throws a ConnectException without a message; its cause may carry one. */
  private static String describe(Throwable cause) {
    for (Throwable reason = cause; reason != null; reason = reason.getCause()) {
      if (reason.getMessage() != null && !reason.getMessage().isBlank()) {
        return reason.getMessage();
      }
    }
    return cause instanceof ConnectException ? "cannot connect" : cause.getClass().getSimpleName();
  }
}
