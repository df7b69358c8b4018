package io.codelibra.lifeline.failover.pair;

/** This instance does not run the pair's writer (yet): its state and decisions are not here. */
public class PairNotHereException extends RuntimeException {

  public PairNotHereException(String pair) {
    super("the state of " + pair + " is not on this instance yet (starting, or another instance runs the pair): try again shortly");
  }
}
