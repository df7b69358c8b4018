package io.codelibra.lifeline.registry.state;

/**
 * One record of the {@code _schemas} log, decoded from Confluent's JSON key/value format. A null
 * value is a tombstone: the key's entry is gone.
 */
public sealed interface LogRecord {

  /** {@code {"keytype":"SCHEMA","subject":S,"version":V,"magic":1}}: one subject version, or its hard delete. */
  record SchemaRecord(String subject, int version, SchemaEntry value) implements LogRecord {

    public static SchemaRecord of(SchemaEntry entry) {
      return new SchemaRecord(entry.subject(), entry.version(), entry);
    }

    public static SchemaRecord tombstone(String subject, int version) {
      return new SchemaRecord(subject, version, null);
    }
  }

  /** {@code {"keytype":"CONFIG","subject":S-or-null,"magic":0}}: a compatibility level, global when subject is null. */
  record ConfigRecord(String subject, String compatibilityLevel) implements LogRecord {
  }

  /** {@code {"keytype":"DELETE_SUBJECT",...}} written by Confluent: every version up to {@code version} is soft-deleted. */
  record DeleteSubjectRecord(String subject, int version) implements LogRecord {
  }

  /** A record this registry does not act on (NOOP, MODE, another schema type, unreadable JSON). */
  record IgnoredRecord(String reason) implements LogRecord {
  }
}
