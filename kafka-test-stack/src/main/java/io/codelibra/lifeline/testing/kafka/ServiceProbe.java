package io.codelibra.lifeline.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.codelibra.lifeline.schemas.serde.LifelineAvroSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Checks a running service from outside: its health, its metrics, and that it consumes its topics. */
public final class ServiceProbe {

  private final KafkaStack stack;
  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  public ServiceProbe(KafkaStack stack, int port) {
    this.stack = stack;
    this.baseUrl = "http://localhost:" + port;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public void assertHealthy() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  /** Publishes the event and waits until the service's Prometheus endpoint shows it consumed. */
  public void assertConsumes(String topic, String key, SpecificRecord event) throws Exception {
    publish(topic, key, event);
    String series = "lifeline_events_consumed_total{";
    String typeTag = "type=\"" + event.getSchema().getName() + "\"";
    String topicTag = "topic=\"" + topic + "\"";
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(get("/actuator/prometheus").body().lines()
            .filter(line -> line.startsWith(series) && line.contains(typeTag) && line.contains(topicTag)))
            .as("%s consumed from %s", event.getSchema().getName(), topic)
            .isNotEmpty());
  }

  private void publish(String topic, String key, SpecificRecord event) throws Exception {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(config, false);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(topic, key, event)).get();
    }
  }
}
