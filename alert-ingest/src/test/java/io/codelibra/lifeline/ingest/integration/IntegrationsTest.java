package io.codelibra.lifeline.ingest.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.runtime.security.ApiKeys;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationsTest {

  private static Integrations.Settings settings(IntegrationType type, String secret, String sha256, double rate,
      long burst) {
    return new Integrations.Settings(type, secret, sha256, "checkout", List.of("arn:aws:sns:us-east-1:1:alarms"),
        rate, burst);
  }

  private final Integrations integrations;

  IntegrationsTest() {
    Map<String, Integrations.Settings> config = new LinkedHashMap<>();
    config.put("am", settings(IntegrationType.alertmanager, "am-token", null, 100, 0));
    config.put("pd", settings(IntegrationType.pagerduty, null,
        HexFormat.of().formatHex(ApiKeys.sha256("R0UTINGKEY")), 100, 0));
    config.put("cw", settings(IntegrationType.sns, null, null, 1, 2));
    integrations = Integrations.of(config);
  }

  @Test
  void findsTheIntegrationByItsSecretOnlyForItsType() {
    assertThat(integrations.authenticate(IntegrationType.alertmanager, "am-token")).map(Integration::name).contains("am");
    assertThat(integrations.authenticate(IntegrationType.pagerduty, "am-token")).isEmpty();
    assertThat(integrations.authenticate(IntegrationType.alertmanager, "wrong")).isEmpty();
    assertThat(integrations.authenticate(IntegrationType.alertmanager, null)).isEmpty();
  }

  @Test
  void acceptsASecretGivenOnlyAsItsSha256() {
    assertThat(integrations.authenticate(IntegrationType.pagerduty, "R0UTINGKEY")).map(Integration::service)
        .contains("checkout");
  }

  @Test
  void snsIntegrationsAreFoundByAllowedTopicArn() {
    assertThat(integrations.forSnsTopic("arn:aws:sns:us-east-1:1:alarms")).map(Integration::name).contains("cw");
    assertThat(integrations.forSnsTopic("arn:aws:sns:us-east-1:1:other")).isEmpty();
  }

  @Test
  void aBurstOverTheBucketIsRateLimitedWithTheWaitInSeconds() {
    Integration limited = integrations.forSnsTopic("arn:aws:sns:us-east-1:1:alarms").orElseThrow();
    limited.admit(2);

    assertThatThrownBy(() -> limited.admit(1)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
  }

  @Test
  void refusesAnIntegrationWithoutSecretOrWithAMalformedDigest() {
    assertThatThrownBy(() -> Integrations.of(Map.of("x", settings(IntegrationType.generic, null, null, 1, 0))))
        .hasMessageContaining("lifeline.ingest.integrations.x needs a secret");
    assertThatThrownBy(() -> Integrations.of(Map.of("y", settings(IntegrationType.pagerduty, null, "abc", 1, 0))))
        .hasMessageContaining("secret-sha256 must be 64 hex digits");
  }

  @Test
  void aSenderWithoutSecretIsRateLimitedButNeverAuthenticatesBySecret() {
    Integration api = Integrations.withoutSecret("lifeline-api", IntegrationType.generic, 1);
    api.admit(2);

    assertThat(api.name()).isEqualTo("lifeline-api");
    assertThatThrownBy(() -> api.admit(1)).isInstanceOf(RateLimitedException.class);
  }
}
