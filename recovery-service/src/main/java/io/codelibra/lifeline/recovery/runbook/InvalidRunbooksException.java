package io.codelibra.lifeline.recovery.runbook;

import java.util.List;

/** One or more runbook files are invalid: each problem as {@code file:line: reason}. */
public class InvalidRunbooksException extends RuntimeException {

  private final List<String> problems;

  public InvalidRunbooksException(List<String> problems) {
    super("invalid runbooks:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
