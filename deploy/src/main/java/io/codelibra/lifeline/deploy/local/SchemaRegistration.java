package io.codelibra.lifeline.deploy.local;

import io.codelibra.lifeline.schemas.registry.SchemaRegistryClient;
import io.codelibra.lifeline.schemas.serde.SubjectNaming;
import io.codelibra.lifeline.schemas.topics.TopicDefinition;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.io.PrintStream;
import org.apache.avro.Schema;

/**
 * Registers every event schema under its subject in any Confluent-API registry and sets each subject
 * to BACKWARD_TRANSITIVE: the release step for production, where services do not auto-register.
 */
public final class SchemaRegistration {

  static final String SUBJECT_COMPATIBILITY = "BACKWARD_TRANSITIVE";

  private final SchemaRegistryClient registry;
  private final PrintStream out;

  public SchemaRegistration(SchemaRegistryClient registry, PrintStream out) {
    this.registry = registry;
    this.out = out;
  }

  public void registerAll() {
    for (TopicDefinition topic : Topics.ALL) {
      for (Schema schema : topic.valueSchemas()) {
        String subject = SubjectNaming.BY_TOPIC_DEFINITION.subject(topic.name(), schema, false);
        registry.setCompatibility(subject, SUBJECT_COMPATIBILITY);
        int id = registry.register(subject, schema);
        out.printf("%-70s id %d%n", subject, id);
      }
    }
  }
}
