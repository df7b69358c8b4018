package io.codelibra.lifeline.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;

/**
 * The API keys allowed to write, held only as SHA-256 digests and compared in constant time, so a
 * key never sits in memory or logs in the clear after start-up.
 */
public final class ApiKeys {

  private final List<byte[]> digests;

  private ApiKeys(List<byte[]> digests) {
    this.digests = digests;
  }

  public static ApiKeys of(Collection<String> keys) {
    return new ApiKeys(keys.stream().map(String::trim).filter(key -> !key.isEmpty()).map(ApiKeys::sha256).toList());
  }

  public boolean isEmpty() {
    return digests.isEmpty();
  }

  /** Whether the presented key is one of the allowed keys; every allowed digest is compared. */
  public boolean accepts(String presented) {
    if (presented == null || presented.isEmpty()) {
      return false;
    }
    byte[] candidate = sha256(presented);
    boolean match = false;
    for (byte[] digest : digests) {
      match |= MessageDigest.isEqual(digest, candidate);
    }
    return match;
  }

  /** The SHA-256 digest under which Lifeline holds a secret. */
  public static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
