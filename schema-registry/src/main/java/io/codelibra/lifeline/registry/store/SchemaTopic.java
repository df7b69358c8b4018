package io.codelibra.lifeline.registry.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log topic: created with one partition and {@code cleanup.policy=compact} when
 * missing (like Confluent's {@code _schemas}); an existing topic that cannot serve as the log (several
 * partitions, not compacted) stops start-up rather than lose schemas.
 */
final class SchemaTopic {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaTopic.class);

  private SchemaTopic() {
  }

  /**
   * @param replicationFactor the replication factor for a new topic; 0 means min(3, brokers)
   */
  static void ensure(Admin admin, String topic, short replicationFactor, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long millis = timeout.toMillis();
    boolean exists = admin.listTopics().names().get(millis, TimeUnit.MILLISECONDS).contains(topic);
    if (!exists) {
      int brokers = admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS).size();
      short factor = replicationFactor > 0 ? replicationFactor : (short) Math.max(1, Math.min(3, brokers));
      NewTopic newTopic = new NewTopic(topic, 1, factor)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      try {
        admin.createTopics(List.of(newTopic)).all().get(millis, TimeUnit.MILLISECONDS);
        LOG.info("created the schema log topic {} (1 partition, compacted, replication factor {})", topic, factor);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        // another registry instance created it at the same moment
      }
    }
    verify(admin, topic, millis);
  }

  private static void verify(Admin admin, String topic, long millis)
      throws InterruptedException, ExecutionException, TimeoutException {
    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
        .get(millis, TimeUnit.MILLISECONDS).get(topic);
    if (description.partitions().size() != 1) {
      throw new IllegalStateException("The schema log topic " + topic + " has " + description.partitions().size()
          + " partitions; it must have exactly 1 so every instance reads the records in one order.");
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all().get(millis, TimeUnit.MILLISECONDS).get(resource);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy == null ? null : policy.trim())) {
      throw new IllegalStateException("The schema log topic " + topic + " has cleanup.policy=" + policy
          + "; it must be 'compact' or retention would delete registered schemas.");
    }
  }
}
