package io.codelibra.lifeline.schemas.serde;

import io.codelibra.lifeline.schemas.topics.TopicDefinition;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How a schema's registry subject is named, as Confluent's subject name strategies do.
 * {@link #BY_TOPIC_DEFINITION} picks the record-name form for topics that carry several event types.
 */
public enum SubjectNaming {
  /** {@code <topic>-value} (Confluent's TopicNameStrategy). */
  TOPIC_NAME,
  /** {@code <topic>-<record full name>} (Confluent's TopicRecordNameStrategy). */
  TOPIC_RECORD_NAME,
  /** {@code <record full name>} (Confluent's RecordNameStrategy). */
  RECORD_NAME,
  /** TOPIC_RECORD_NAME for topics defined in {@link Topics} with several value types, else TOPIC_NAME. */
  BY_TOPIC_DEFINITION;

  public String subject(String topic, Schema schema, boolean isKey) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
      case RECORD_NAME -> schema.getFullName();
      case BY_TOPIC_DEFINITION -> Topics.byName(topic)
          .filter(TopicDefinition::carriesSeveralEventTypes)
          .map(shared -> TOPIC_RECORD_NAME)
          .orElse(TOPIC_NAME)
          .subject(topic, schema, isKey);
    };
  }

  /** Accepts Confluent's strategy class names as well as this enum's names. */
  public static SubjectNaming parse(String value) {
    if (value == null || value.isBlank()) {
      return BY_TOPIC_DEFINITION;
    }
    String simpleName = value.substring(value.lastIndexOf('.') + 1);
    return switch (simpleName) {
      case "TopicNameStrategy" -> TOPIC_NAME;
      case "TopicRecordNameStrategy" -> TOPIC_RECORD_NAME;
      case "RecordNameStrategy" -> RECORD_NAME;
      default -> valueOf(simpleName.toUpperCase(Locale.ROOT).replace('-', '_'));
    };
  }
}
