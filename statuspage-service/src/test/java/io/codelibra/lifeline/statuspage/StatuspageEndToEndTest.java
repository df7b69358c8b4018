package io.codelibra.lifeline.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.statuspage.stream.InputEvents;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.ServiceProbe;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * statuspage-service on a real broker and registry: a SEV1 incident of a mapped service turns its components
 * {@code major_outage} on status.components and in summary.json (indicator critical); an operator's override
 * over the authenticated admin API wins; and a new instance on an empty state directory rebuilds the page
 * from the changelog.
 */
@WithKafkaStack
class StatuspageEndToEndTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path stateDirs;

  @Test
  void sev1IncidentTakesItsComponentsDownOnTheTopicAndInSummaryAndSurvivesARestart(KafkaStack stack) throws Exception {
    String incidentId = "e2e-" + UUID.randomUUID();
    try (KafkaConsumer<String, SpecificRecord> components = consumer(stack, Topics.STATUS_COMPONENTS.name())) {
      ConfigurableApplicationContext first = start(stack, stateDirs.resolve("first"));
      try {
        int port = port(first);
        new ServiceProbe(stack, port).assertHealthy();
        JsonNode before = awaitSummary(port, summary -> summary.path("components").size() > 0);
        assertThat(before.path("status").path("indicator").asText()).isEqualTo("none");

        publish(stack, Topics.INCIDENTS.name(), incidentId,
            InputEvents.opened(incidentId, "checkout-api", Severity.SEV1, "Checkout 5xx above 5 %", Instant.now()));

        ComponentStatusChanged checkout = awaitChange(components, changed -> changed.getComponentId().equals("checkout")
            && changed.getStatus() == ComponentStatus.major_outage);
        assertThat(checkout.getCause().getId()).isEqualTo(incidentId);
        JsonNode down = awaitSummary(port, summary -> status(summary, "checkout").equals("major_outage"));
        assertThat(down.path("status").path("indicator").asText()).isIn("critical", "major");
        assertThat(status(down, "api")).isEqualTo("major_outage");
        assertThat(down.path("incidents").get(0).path("impact").asText()).isEqualTo("critical");

        overrideOverTheApi(port);
        awaitSummary(port, summary -> status(summary, "cache").equals("under_maintenance"));
      } finally {
        first.close();
      }

      ConfigurableApplicationContext second = start(stack, stateDirs.resolve("second"));
      try {
        JsonNode restored = awaitSummary(port(second), summary -> summary.path("components").size() > 0);
        assertThat(status(restored, "checkout")).as("rebuilt from the changelog").isEqualTo("major_outage");
        assertThat(status(restored, "cache")).isEqualTo("under_maintenance");
      } finally {
        second.close();
      }
    }
  }

  private void overrideOverTheApi(int port) throws Exception {
    HttpRequest.Builder override = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/components/cache/override"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"under_maintenance\",\"reason\":\"emergency patch\"}"));
    assertThat(http.send(override.copy().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("no API key").isEqualTo(401);
    HttpResponse<String> noFrom = http.send(override.copy().header("Authorization", "Bearer " + KafkaStack.TEST_API_KEY).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noFrom.statusCode()).isEqualTo(400);
    assertThat(noFrom.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> accepted = http.send(override.copy().header("Authorization", "Bearer " + KafkaStack.TEST_API_KEY)
        .header("From", "alice@example.com").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).isEqualTo(202);
  }

  private JsonNode awaitSummary(int port, Predicate<JsonNode> wanted) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v2/summary.json"))
          .build(), HttpResponse.BodyHandlers.ofString());
      last = response.statusCode() + " " + response.body();
      if (response.statusCode() == 200) {
        JsonNode summary = JSON.readTree(response.body());
        if (wanted.test(summary)) {
          return summary;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("summary.json never matched; last: " + last);
  }

  private static String status(JsonNode summary, String componentId) {
    for (JsonNode component : summary.path("components")) {
      if (component.path("id").asText().equals(componentId)) {
        return component.path("status").asText();
      }
    }
    return "absent";
  }

  private static ComponentStatusChanged awaitChange(KafkaConsumer<String, SpecificRecord> consumer,
      Predicate<ComponentStatusChanged> wanted) {
    List<SpecificRecord> seen = new ArrayList<>();
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      for (var record : consumer.poll(Duration.ofMillis(200))) {
        seen.add(record.value());
        if (record.value() instanceof ComponentStatusChanged changed && wanted.test(changed)) {
          return changed;
        }
      }
    }
    throw new AssertionError("no such change on status.components; seen: " + seen);
  }

  private static ConfigurableApplicationContext start(KafkaStack stack, Path stateDir) throws Exception {
    Files.createDirectories(stateDir);
    // Command-line arguments: they win over application.yml (builder default properties would not).
    return new SpringApplicationBuilder(StatuspageApplication.class).run("--server.port=0", "--lifeline.statuspage.state-dir=" + stateDir);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static void publish(KafkaStack stack, String topic, String key, SpecificRecord event) throws Exception {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(stack.serdeConfig(), false);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(topic, key, event)).get();
    }
  }

  private static KafkaConsumer<String, SpecificRecord> consumer(KafkaStack stack, String topic) {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer();
    deserializer.configure(stack.serdeConfig(), false);
    KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
