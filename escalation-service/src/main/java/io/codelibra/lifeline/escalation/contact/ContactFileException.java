package io.codelibra.lifeline.escalation.contact;

import java.util.List;

/** A contact file that cannot be used; the message lists every problem as {@code file:line: reason}. */
public class ContactFileException extends RuntimeException {

  private final List<String> problems;

  public ContactFileException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
