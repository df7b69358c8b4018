package io.codelibra.lifeline.deploy.cli;

/** The exit codes of {@code ./lifeline failover}: what a script calling it can branch on. */
public final class ExitCode {

  /** Accepted, pending, printed, or a drill that succeeded. */
  public static final int OK = 0;
  /** The service answered no (a problem), or a drill that did not succeed. */
  public static final int REFUSED = 1;
  /** The command line was wrong; nothing was sent. */
  public static final int USAGE = 2;
  /** failover-service did not answer at all. */
  public static final int UNREACHABLE = 3;

  private ExitCode() {
  }
}
