package io.codelibra.lifeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.deploy.local.LocalBroker;
import io.codelibra.lifeline.deploy.local.ManagedProcess;
import io.codelibra.lifeline.deploy.local.StackLayout;
import io.codelibra.lifeline.deploy.local.TopicCreator;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The broker dies while alerts are being posted: the endpoint answers 503 (never 202) while it is
 * down, and once it is back every alert that got a 202 is on the topic exactly once.
 */
class BrokerOutageTest {

  private static final String API_KEY = "outage-test-key";

  @TempDir
  Path data;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unavailable = new AtomicInteger();
  private final java.util.Queue<String> unexpected = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @Test
  void everyAlertAnswered202SurvivesABrokerOutageAnd503IsAnsweredWhileItIsDown() throws Exception {
    StackLayout layout = new StackLayout(Path.of("..").toAbsolutePath().normalize(), data);
    layout.createDirectories();
    LocalBroker broker = new LocalBroker(layout, ProcessHandle.current().info().command().orElse("java"),
        freePort(), freePort());
    ManagedProcess brokerProcess = broker.start();
    broker.awaitReady(brokerProcess, Duration.ofSeconds(60));
    TopicCreator.createMissing(broker.address(), (short) 1);
    try (KafkaStack stack = KafkaStack.onBroker(() -> { }, broker.address());
        ConfigurableApplicationContext ingest = startIngest(broker.address(), stack.registryUrl())) {
      String url = "http://localhost:" + ingest.getEnvironment().getProperty("local.server.port") + "/api/v1/alerts";
      AtomicBoolean sending = new AtomicBoolean(true);
      ExecutorService senders = Executors.newFixedThreadPool(4);
      for (int sender = 0; sender < 4; sender++) {
        int id = sender;
        senders.submit(() -> send(url, id, sending));
      }
      awaitAccepted(20);
      brokerProcess.stop(layout);
      int acceptedBeforeOutage = accepted.size();
      Thread.sleep(8_000);
      int acceptedDuringOutage = accepted.size() - acceptedBeforeOutage;
      assertThat(unavailable.get()).as("503 answers while the broker is down").isPositive();

      brokerProcess = broker.start();
      broker.awaitReady(brokerProcess, Duration.ofSeconds(60));
      awaitAccepted(accepted.size() + 20);
      sending.set(false);
      senders.shutdown();
      assertThat(senders.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      Map<String, Integer> onTopic = fingerprintsOnTopic(broker.address(), stack);
      assertThat(unexpected).as("answers other than 202 and 503").isEmpty();
      assertThat(onTopic.keySet()).as("every 202 is on the topic").containsAll(accepted);
      assertThat(accepted.stream().mapToInt(onTopic::get).sum()).as("each exactly once").isEqualTo(accepted.size());
      System.out.printf("broker outage: %d alerts accepted (202), %d answered 503 while the broker was down, "
          + "%d accepted after it stopped%n", accepted.size(), unavailable.get(), acceptedDuringOutage);
      // In-flight sends that were acknowledged just before the broker went down count as accepted.
      assertThat(acceptedDuringOutage).as("202s after the broker stopped").isLessThan(8);
    } finally {
      brokerProcess.stop(layout);
    }
  }

  private ConfigurableApplicationContext startIngest(String bootstrap, String registryUrl) {
    return new SpringApplicationBuilder(AlertIngestApplication.class).run(
        "--server.port=0",
        "--lifeline.kafka.bootstrap-servers=" + bootstrap,
        "--lifeline.schema-registry.url=" + registryUrl,
        "--lifeline.schema-registry.basic-auth-user-info=test:" + KafkaStack.TEST_API_KEY,
        "--lifeline.schema-registry.auto-register=true",
        "--lifeline.security.api-keys=" + API_KEY,
        "--lifeline.ingest.ack-timeout=3s",
        "--spring.kafka.producer.properties.max.block.ms=2000",
        "--spring.kafka.producer.properties.request.timeout.ms=1000",
        "--spring.kafka.producer.properties.delivery.timeout.ms=3000",
        "--spring.jmx.enabled=false");
  }

  private void send(String url, int sender, AtomicBoolean sending) {
    for (int n = 0; sending.get(); n++) {
      String dedupKey = "outage-" + sender + "-" + n;
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(15))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + API_KEY)
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"summary\":\"outage drill\",\"source\":\"outage-test\",\"dedupKey\":\"" + dedupKey + "\"}"))
          .build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
          accepted.add(dedupKey);
        } else if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
          unavailable.incrementAndGet();
          Thread.sleep(200);
        } else {
          unexpected.add(response.statusCode() + " " + response.body());
        }
      } catch (Exception e) {
        unexpected.add(e.toString());
      }
    }
  }

  private void awaitAccepted(int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (accepted.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(accepted.size()).as("alerts accepted").isGreaterThanOrEqualTo(count);
  }

  private static Map<String, Integer> fingerprintsOnTopic(String bootstrap, KafkaStack stack) {
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
        new LifelineAvroDeserializer(stack.registryClient()))) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(Topics.ALERTS.name()).forEach(info ->
          partitions.add(new TopicPartition(info.topic(), info.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plusSeconds(30);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
          && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> counts.merge(record.key(), 1, Integer::sum));
      }
    }
    return counts;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
