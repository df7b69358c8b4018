package io.codelibra.lifeline.failover.drill;

/** A drill that cannot start now: another one runs, or a live drill has no fault injection to break the primary with. */
public class DrillRefusedException extends RuntimeException {

  public DrillRefusedException(String message) {
    super(message);
  }
}
