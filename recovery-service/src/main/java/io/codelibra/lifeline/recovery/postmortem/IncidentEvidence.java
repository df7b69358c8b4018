package io.codelibra.lifeline.recovery.postmortem;

import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** Everything known about one incident, from every topic, in time order: what a post-incident review is drafted from. */
public record IncidentEvidence(String incidentId, List<SpecificRecord> events) {

  public IncidentEvidence {
    events = List.copyOf(events);
  }

  public <T extends SpecificRecord> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public <T extends SpecificRecord> Optional<T> first(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  public <T extends SpecificRecord> Optional<T> last(Class<T> type) {
    List<T> all = all(type);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }

  public Optional<IncidentOpened> opened() {
    return first(IncidentOpened.class);
  }

  public Optional<IncidentAcknowledged> acknowledged() {
    return first(IncidentAcknowledged.class);
  }

  public Optional<IncidentResolved> resolved() {
    return last(IncidentResolved.class);
  }

  public List<TimelineEntry> timeline() {
    return events.stream().map(TimelineEntry::of).toList();
  }
}
