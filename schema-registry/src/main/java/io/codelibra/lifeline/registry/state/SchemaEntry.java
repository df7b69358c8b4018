package io.codelibra.lifeline.registry.state;

/** One version of a subject: its global schema id, the canonical schema text, and whether it is soft-deleted. */
public record SchemaEntry(String subject, int version, int id, String schema, boolean deleted) {

  public SchemaEntry withDeleted(boolean deleted) {
    return new SchemaEntry(subject, version, id, schema, deleted);
  }

  public boolean sameContentAs(SchemaEntry other) {
    return id == other.id && schema.equals(other.schema);
  }
}
