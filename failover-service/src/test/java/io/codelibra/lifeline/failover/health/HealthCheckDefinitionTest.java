package io.codelibra.lifeline.failover.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthCheckDefinitionTest {

  private static HealthCheckDefinition.Builder https() {
    return HealthCheckDefinition.builder("api-primary", "us-east-1").fqdn("api.us-east-1.example.com")
        .resourcePath("/health");
  }

  @Test
  void defaultsFollowRoute53() {
    HealthCheckDefinition check = https().build();

    assertThat(check.type()).isEqualTo(HealthCheckType.HTTPS);
    assertThat(check.port()).isEqualTo(443);
    assertThat(check.healthyShare()).isEqualTo(0.18);
    assertThat(check.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(check.responseTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(check.requestInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(check.failureThreshold()).isEqualTo(3);
    assertThat(check.inverted()).isFalse();
    assertThat(check.target()).isEqualTo("HTTPS /health");
  }

  @Test
  void httpDefaultsToPort80AndRootPath() {
    HealthCheckDefinition check = HealthCheckDefinition.builder("web", "us-west-2").ipAddress("10.0.0.7")
        .type(HealthCheckType.HTTP).build();

    assertThat(check.port()).isEqualTo(80);
    assertThat(check.resourcePath()).isEqualTo("/");
    assertThat(check.host()).isEqualTo("10.0.0.7");
  }

  @Test
  void theAddressIsProbedWhenBothNameAndAddressAreSet() {
    assertThat(https().ipAddress("10.0.0.9").build().host()).isEqualTo("10.0.0.9");
  }

  @Test
  void nullTimeoutsTakeRoute53Defaults() {
    HealthCheckDefinition check = new HealthCheckDefinition("db", "us-east-1", "db.example.com", null, 5432,
        HealthCheckType.TCP, null, null, Duration.ofSeconds(10), 2, 3, 0.18, null, null, false);

    assertThat(check.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(check.responseTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(check.target()).isEqualTo("TCP port 5432");
  }

  @Test
  void acceptsAnyPositiveIntervalForTheLocalStack() {
    assertThat(https().requestInterval(Duration.ofSeconds(1)).build().requestInterval())
        .isEqualTo(Duration.ofSeconds(1));
  }

  static Stream<Arguments> invalidDefinitions() {
    return Stream.of(
        invalid(b -> HealthCheckDefinition.builder(" ", "us-east-1").fqdn("x"), "id must not be blank"),
        invalid(b -> HealthCheckDefinition.builder("api", "").fqdn("x"), "region"),
        invalid(b -> HealthCheckDefinition.builder("api", "us-east-1"), "needs an fqdn or an ipAddress"),
        invalid(b -> b.port(0), "port"),
        invalid(b -> b.port(65536), "port"),
        invalid(b -> b.type(null), "type"),
        invalid(b -> b.resourcePath("health"), "resourcePath"),
        invalid(b -> b.searchString("x".repeat(256)), "searchString"),
        invalid(b -> b.type(HealthCheckType.TCP).port(5432), "resourcePath"),
        invalid(b -> b.type(HealthCheckType.TCP).port(5432).resourcePath(null).searchString("ok"), "searchString"),
        invalid(b -> b.requestInterval(Duration.ZERO), "requestInterval"),
        invalid(b -> b.requestInterval(null), "requestInterval"),
        invalid(b -> b.failureThreshold(0), "failureThreshold"),
        invalid(b -> b.failureThreshold(11), "failureThreshold"),
        invalid(b -> b.checkers(0), "checkers"),
        invalid(b -> b.healthyShare(-0.1), "healthyShare"),
        invalid(b -> b.healthyShare(1.0), "healthyShare"),
        invalid(b -> b.connectTimeout(Duration.ofMillis(-1)), "connectTimeout"),
        invalid(b -> b.responseTimeout(Duration.ZERO), "responseTimeout"));
  }

  private static Arguments invalid(UnaryOperator<HealthCheckDefinition.Builder> change, String field) {
    return Arguments.of(change, field);
  }

  @ParameterizedTest(name = "rejects bad {1}")
  @MethodSource("invalidDefinitions")
  void rejectsInvalidFieldsNamingThem(UnaryOperator<HealthCheckDefinition.Builder> change, String field) {
    assertThatIllegalArgumentException().isThrownBy(() -> change.apply(https()).build())
        .withMessageContaining(field);
  }
}
