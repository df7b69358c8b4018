package io.codelibra.lifeline.escalation.schedule;

import java.util.List;

/** Schedule files that cannot be loaded; the message has one {@code file:line: reason} line per problem. */
public class ScheduleFileException extends RuntimeException {

  private final List<String> problems;

  public ScheduleFileException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
