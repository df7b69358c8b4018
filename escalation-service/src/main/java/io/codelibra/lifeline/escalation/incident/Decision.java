package io.codelibra.lifeline.escalation.incident;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** The outcome of one input: the incident's new state and the events to publish (incidents and notifications). */
public record Decision(IncidentState state, List<SpecificRecord> events) {

  public Decision {
    events = List.copyOf(events);
  }

  static Decision unchanged(IncidentState state) {
    return new Decision(state, List.of());
  }
}
