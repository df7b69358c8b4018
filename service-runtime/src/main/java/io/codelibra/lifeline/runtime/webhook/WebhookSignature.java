package io.codelibra.lifeline.runtime.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Lifeline-Signature} of a webhook any Lifeline service sends: {@code sha256=} and the hex
 * HMAC-SHA256 of the exact body bytes, keyed with the shared signing secret. A receiver recomputes it over
 * the raw body it got and compares in constant time.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Lifeline-Signature";
  public static final String TIMESTAMP_HEADER = "X-Lifeline-Timestamp";

  private final SecretKeySpec key;

  public WebhookSignature(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook signing secret must not be empty");
    }
    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[secret=(set)]";
  }
}
