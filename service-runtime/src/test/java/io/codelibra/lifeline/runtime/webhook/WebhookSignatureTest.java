package io.codelibra.lifeline.runtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void isTheHexHmacSha256OfTheBody() {
    // RFC 4231, test case 2.
    WebhookSignature signature = new WebhookSignature("Jefe");

    assertThat(signature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void needsASecretAndNeverShowsIt() {
    assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new WebhookSignature("s3cr3t")).asString().doesNotContain("s3cr3t");
  }
}
