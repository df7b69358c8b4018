package io.codelibra.lifeline.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.schemas.topics.TopicDefinition;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class StrimziTopicsTest {

  static Path helmDirectory() {
    return Stream.of(Path.of("helm"), Path.of("deploy", "helm"))
        .filter(path -> Files.isDirectory(path.resolve("lifeline")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("deploy/helm not found from " + Path.of("").toAbsolutePath()))
        .toAbsolutePath();
  }

  @Test
  void committedTopicsYamlIsWhatTheGeneratorWritesFromTopicsJava() throws IOException {
    Path committed = helmDirectory().resolve("strimzi/topics.yaml");
    assertThat(Files.readString(committed))
        .as("%s is stale: regenerate it from Topics.java with\n  java -cp 'deploy/target/deploy.jar:deploy/target/launcher-lib/*' "
            + "io.codelibra.lifeline.deploy.k8s.StrimziTopics > deploy/helm/strimzi/topics.yaml", committed)
        .isEqualTo(StrimziTopics.yaml(Topics.ALL));
  }

  @Test
  void everyTopicBecomesAKafkaTopicWithItsPartitionsReplicasAndBrokerConfig() {
    List<Map<String, Object>> resources = parse(StrimziTopics.yaml(Topics.ALL));

    assertThat(resources).hasSameSizeAs(Topics.ALL);
    for (int i = 0; i < resources.size(); i++) {
      TopicDefinition topic = Topics.ALL.get(i);
      Map<String, Object> resource = resources.get(i);
      assertThat(resource).containsEntry("apiVersion", "kafka.strimzi.io/v1beta2").containsEntry("kind", "KafkaTopic");
      assertThat(map(resource.get("metadata"))).containsEntry("name", topic.name());
      assertThat(map(map(resource.get("metadata")).get("labels"))).containsEntry("strimzi.io/cluster", "lifeline");
      Map<String, Object> spec = map(resource.get("spec"));
      assertThat(spec).containsEntry("topicName", topic.name()).containsEntry("partitions", topic.partitions())
          .containsEntry("replicas", 3);
      Map<String, Object> config = map(spec.get("config"));
      assertThat(config).containsEntry("min.insync.replicas", 2);
      topic.brokerConfig().forEach((key, value) -> assertThat(String.valueOf(config.get(key))).as(topic.name() + " " + key)
          .isEqualTo(value));
    }
  }

  @Test
  void compactedTopicsKeepTheirRecordsForeverAndTheInboundTopicKeepsItsSizeLimit() {
    Map<String, Map<String, Object>> configByTopic = new java.util.HashMap<>();
    for (Map<String, Object> resource : parse(StrimziTopics.yaml(Topics.ALL))) {
      Map<String, Object> spec = map(resource.get("spec"));
      configByTopic.put((String) spec.get("topicName"), map(spec.get("config")));
    }

    assertThat(configByTopic.get("status.components")).containsEntry("cleanup.policy", "compact")
        .containsEntry("retention.ms", -1);
    assertThat(configByTopic.get("alerts.inbound")).containsEntry("max.message.bytes", Topics.MAX_INBOUND_RECORD_BYTES)
        .containsEntry("retention.ms", 604_800_000);
  }

  @Test
  void topicNamesAreValidKubernetesResourceNames() {
    // metadata.name must be a DNS subdomain; Topics.java's names (lower case, dots) are, so no name needs mangling.
    assertThat(Topics.ALL).allSatisfy(topic ->
        assertThat(topic.name()).matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?"));
  }

  static List<Map<String, Object>> parse(String yamlStream) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml(new LoaderOptions()).loadAll(yamlStream)) {
      if (document != null) {
        documents.add(map(document));
      }
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
