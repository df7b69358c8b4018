package io.codelibra.lifeline.escalation.policy;

import java.util.List;

/** Policy files that cannot be loaded; the message has one {@code file:line: reason} line per problem. */
public class PolicyFileException extends RuntimeException {

  private final List<String> problems;

  public PolicyFileException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
