package io.codelibra.lifeline.runtime.errors;

/**
 * The innermost cause of a failure, as a short text for logs and delivery records ({@code ConnectException: Connection
 * refused}): wrappers' messages often name URLs or hosts that must not be repeated, the root cause rarely does.
 */
public final class RootCause {

  private RootCause() {
  }

  public static Throwable of(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The root cause's simple class name and message (the name alone when it has none). */
  public static String describe(Throwable e) {
    Throwable cause = of(e);
    return cause.getMessage() == null || cause.getMessage().isBlank()
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
