package io.codelibra.lifeline.ingest.generic;

import java.util.List;

/** The alert cannot be accepted as sent; carries every reason so the sender can fix them at once. */
public class InvalidAlertException extends RuntimeException {

  private final List<String> errors;

  public InvalidAlertException(List<String> errors) {
    super(String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
