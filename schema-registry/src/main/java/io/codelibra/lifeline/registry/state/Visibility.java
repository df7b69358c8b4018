package io.codelibra.lifeline.registry.state;

/** Which versions a query sees: Confluent's {@code deleted} and {@code deletedOnly} query parameters. */
public enum Visibility {
  LIVE,
  INCLUDE_DELETED,
  DELETED_ONLY;

  public static Visibility of(boolean deleted, boolean deletedOnly) {
    return deletedOnly ? DELETED_ONLY : deleted ? INCLUDE_DELETED : LIVE;
  }

  public boolean shows(SchemaEntry entry) {
    return switch (this) {
      case LIVE -> !entry.deleted();
      case INCLUDE_DELETED -> true;
      case DELETED_ONLY -> entry.deleted();
    };
  }
}
