package io.codelibra.lifeline.failover.drill;

/** No drill with this id ran on this instance (since it started). */
public class DrillNotFoundException extends RuntimeException {

  public DrillNotFoundException(String drillId) {
    super("no drill " + drillId + " on this instance (drills are kept in memory by the instance that ran them; "
        + "their records are on failover.events)");
  }
}
