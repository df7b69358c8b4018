package io.codelibra.lifeline.failover.drill;

import org.apache.avro.specific.SpecificRecord;

/** Port: puts a drill's checklist items and report on {@code failover.events}, returning once the broker has them. */
@FunctionalInterface
public interface DrillPublisher {

  void publish(String regionPair, SpecificRecord event);
}
