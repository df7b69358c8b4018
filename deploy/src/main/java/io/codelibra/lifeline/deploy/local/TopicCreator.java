package io.codelibra.lifeline.deploy.local;

import io.codelibra.lifeline.schemas.topics.Topics;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics of {@link Topics} that do not exist yet, with their partitions and configs. */
public final class TopicCreator {

  private TopicCreator() {
  }

  /** Returns the names of the topics it created. */
  public static List<String> createMissing(String bootstrapServers, short replicationFactor) {
    try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = Topics.ALL.stream()
          .filter(topic -> !existing.contains(topic.name()))
          .map(topic -> topic.toNewTopic(replicationFactor))
          .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
      return missing.stream().map(NewTopic::name).toList();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create Lifeline's topics on " + bootstrapServers + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
