package io.codelibra.lifeline.registry.state;

/** What applying one log record did to the state; a proposer reads it to learn whether its write won. */
public record ApplyOutcome(Kind kind, String reason) {

  /** The effect of a record. */
  public enum Kind {
    /** A new subject version was added. */
    CREATED,
    /** An existing entry or setting changed (or was rewritten unchanged). */
    UPDATED,
    /** A tombstone removed an entry or setting. */
    REMOVED,
    /** The compare-and-set failed: the version or id was already taken by something else. */
    REJECTED,
    /** The record does not concern this registry's state. */
    IGNORED
  }

  public static ApplyOutcome created() {
    return new ApplyOutcome(Kind.CREATED, "");
  }

  public static ApplyOutcome updated() {
    return new ApplyOutcome(Kind.UPDATED, "");
  }

  public static ApplyOutcome removed() {
    return new ApplyOutcome(Kind.REMOVED, "");
  }

  public static ApplyOutcome rejected(String reason) {
    return new ApplyOutcome(Kind.REJECTED, reason);
  }

  public static ApplyOutcome ignored(String reason) {
    return new ApplyOutcome(Kind.IGNORED, reason);
  }

  public boolean isRejected() {
    return kind == Kind.REJECTED;
  }
}
