package io.codelibra.lifeline.statuspage.incident;

import java.time.Instant;
import java.util.List;

/**
 * One update of a status incident or maintenance (Statuspage's incident_update): its status as a
 * lifecycle name ({@code investigating} ... {@code resolved}, or {@code scheduled} ... {@code completed}),
 * plain text, and the component changes it came with.
 */
public record PageUpdate(String id, String status, String body, Instant createdAt, List<AffectedComponent> affectedComponents) {

  public PageUpdate {
    affectedComponents = List.copyOf(affectedComponents == null ? List.of() : affectedComponents);
  }
}
