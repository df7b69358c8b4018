package io.codelibra.lifeline.failover.database;

import java.nio.file.Path;
import java.util.Objects;

/** The embedded stack's per-region data directories and the name of the demo data file replicated between them. */
public record LocalDatabaseSettings(Path primaryDirectory, Path secondaryDirectory, String dataFileName) {

  public LocalDatabaseSettings {
    Objects.requireNonNull(primaryDirectory, "primaryDirectory");
    Objects.requireNonNull(secondaryDirectory, "secondaryDirectory");
    Objects.requireNonNull(dataFileName, "dataFileName");
  }
}
