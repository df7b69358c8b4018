package io.codelibra.lifeline.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorCredentialsTest {

  @Test
  void theOperatorIsAsThenLifelineOperatorThenUserAtHost() {
    Map<String, String> environment = Map.of("LIFELINE_OPERATOR", "oncall@example.com", "USER", "ana");

    assertThat(OperatorCredentials.resolve("bo@example.com", environment, () -> "k").operator()).isEqualTo("bo@example.com");
    assertThat(OperatorCredentials.resolve(null, environment, () -> "k").operator()).isEqualTo("oncall@example.com");
    assertThat(OperatorCredentials.resolve(null, Map.of("USER", "ana"), () -> "k").operator()).matches("ana@.+");
  }

  @Test
  void theKeyIsLifelineApiKeyElseTheLocalStacksAndNeverShown() {
    OperatorCredentials fromEnvironment = OperatorCredentials.resolve(null, Map.of("LIFELINE_API_KEY", "env-key"), () -> {
      throw new AssertionError("the local stack's key is not needed");
    });
    OperatorCredentials local = OperatorCredentials.resolve(null, Map.of(), () -> "local-key");

    assertThat(fromEnvironment.apiKey()).isEqualTo("env-key");
    assertThat(local.apiKey()).isEqualTo("local-key");
    assertThat(local.toString()).doesNotContain("local-key");
  }
}
