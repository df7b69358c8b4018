package io.codelibra.lifeline.runtime.topics;

import io.codelibra.lifeline.schemas.topics.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.core.KafkaAdmin;

/** Lifeline's topics as Spring Kafka {@link NewTopic}s, so {@link KafkaAdmin} creates the missing ones. */
public final class LifelineTopics {

  private LifelineTopics() {
  }

  public static KafkaAdmin.NewTopics all(short replicationFactor) {
    return new KafkaAdmin.NewTopics(Topics.ALL.stream()
        .map(topic -> topic.toNewTopic(replicationFactor))
        .toArray(NewTopic[]::new));
  }
}
