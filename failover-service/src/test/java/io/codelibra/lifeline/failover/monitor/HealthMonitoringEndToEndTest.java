package io.codelibra.lifeline.failover.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRole;
import io.codelibra.lifeline.failover.FailoverApplication;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * failover-service's health monitoring on a real broker against a real HTTP endpoint: the region's first judgement is
 * published, a fault makes the quorum of checkers judge it unhealthy after the failure threshold, and every probe is
 * a metric.
 */
@WithKafkaStack
class HealthMonitoringEndToEndTest {

  private final AtomicBoolean fault = new AtomicBoolean();

  @TempDir
  Path stateDir;

  @Test
  void aFaultyPrimaryIsPublishedUnhealthyAfterTheThreshold(KafkaStack stack) throws Exception {
    HttpServer region = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    region.createContext("/health", exchange -> {
      byte[] body = (fault.get() ? "{\"status\":\"fault\"}" : "{\"status\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(fault.get() ? 503 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    region.start();
    try (KafkaConsumer<String, SpecificRecord> consumer = consumer(stack);
        ConfigurableApplicationContext service = new SpringApplicationBuilder(FailoverApplication.class).run("--server.port=0",
            // A pair of its own, so the other tests' writers and executors on the shared broker leave it alone.
            "--lifeline.failover.primary-region=monitor-east", "--lifeline.failover.secondary-region=monitor-west",
            "--lifeline.failover.policy.automatic-failover=false",
            "--spring.cloud.stream.kafka.streams.binder.functions.pairWriter.application-id=failover-monitor-" + UUID.randomUUID(),
            "--spring.cloud.stream.bindings.executeFailovers-in-0.group=failover-monitor-executor",
            "--lifeline.failover.state-dir=" + stateDir,
            "--lifeline.failover.routing.mode=local", "--lifeline.failover.routing.local-state-file=" + stateDir.resolve("active-region"),
            "--lifeline.failover.health-checks[0].id=east", "--lifeline.failover.health-checks[0].region=monitor-east",
            "--lifeline.failover.health-checks[0].ip-address=127.0.0.1",
            "--lifeline.failover.health-checks[0].port=" + region.getAddress().getPort(),
            "--lifeline.failover.health-checks[0].type=HTTP", "--lifeline.failover.health-checks[0].resource-path=/health",
            "--lifeline.failover.health-checks[0].search-string=ok", "--lifeline.failover.health-checks[0].request-interval=300ms",
            "--lifeline.failover.health-checks[0].failure-threshold=2", "--lifeline.failover.health-checks[0].checkers=3",
            "--lifeline.failover.monitor-tick=50ms")) {
      RegionHealthChanged first = await(consumer, changed -> changed.getRegion().equals("monitor-east"));
      assertThat(first.getHealth()).isEqualTo(RegionHealth.healthy);
      assertThat(first.getPreviousHealth()).isNull();
      assertThat(first.getRegionPair()).isEqualTo("monitor-east/monitor-west");
      assertThat(first.getRole()).isEqualTo(RegionRole.primary);

      Instant faultAt = Instant.now();
      fault.set(true);
      RegionHealthChanged down = await(consumer, changed -> changed.getRegion().equals("monitor-east") && changed.getHealth() == RegionHealth.unhealthy);
      assertThat(down.getPreviousHealth()).isIn(RegionHealth.healthy, RegionHealth.degraded);
      assertThat(down.getHealthyCheckers()).isZero();
      assertThat(down.getTotalCheckers()).isEqualTo(3);
      assertThat(down.getConsecutiveFailures()).isGreaterThanOrEqualTo(2);
      assertThat(down.getLastError()).contains("503");
      assertThat(down.getFirstFailureAt()).isAfterOrEqualTo(faultAt.minusMillis(50));

      String port = service.getEnvironment().getProperty("local.server.port");
      String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("lifeline_failover_health_checks_total{check=\"east\"", "result=\"unhealthy\"");
    } finally {
      region.stop(0);
    }
  }

  private static RegionHealthChanged await(KafkaConsumer<String, SpecificRecord> consumer, Predicate<RegionHealthChanged> wanted) {
    List<SpecificRecord> seen = new ArrayList<>();
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      for (var record : consumer.poll(Duration.ofMillis(100))) {
        seen.add(record.value());
        if (record.value() instanceof RegionHealthChanged changed && wanted.test(changed)) {
          return changed;
        }
      }
    }
    throw new AssertionError("no such RegionHealthChanged; seen: " + seen);
  }

  private static KafkaConsumer<String, SpecificRecord> consumer(KafkaStack stack) {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer();
    deserializer.configure(stack.serdeConfig(), false);
    KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
    consumer.subscribe(List.of(Topics.FAILOVER_EVENTS.name()));
    return consumer;
  }
}
