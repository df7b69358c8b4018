package io.codelibra.lifeline.recovery.run;

import org.apache.avro.specific.SpecificRecord;

/** Port: appends a run's event to {@code recovery.runs}, returning only once the broker has it (the run's state). */
@FunctionalInterface
public interface RunEvents {

  void append(String runId, SpecificRecord event);
}
