package io.codelibra.lifeline.runtime.topics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether services create Lifeline's topics at start-up, and with which replication factor. */
@ConfigurationProperties("lifeline.topics")
public record TopicProperties(boolean create, short replicationFactor) {

  public TopicProperties {
    if (replicationFactor < 1) {
      replicationFactor = 3;
    }
  }
}
