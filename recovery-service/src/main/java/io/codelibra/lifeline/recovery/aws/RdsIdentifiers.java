package io.codelibra.lifeline.recovery.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * RDS identifiers derived from a step's idempotency key, so a retried or resumed step names the same snapshot or
 * instance as its earlier attempt: 1 to 255 letters, digits and hyphens, starting with a letter, no double or trailing
 * hyphen. The local adapters name their snapshots the same way.
 */
public final class RdsIdentifiers {

  static final int MAX_LENGTH = 255;

  private RdsIdentifiers() {
  }

  /** {@code prefix} (e.g. {@code lifeline-}) followed by the key, sanitized; a long key keeps a hash of the whole. */
  public static String fromKey(String prefix, String idempotencyKey) {
    String sanitized = (prefix + idempotencyKey).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (sanitized.isEmpty() || !Character.isLetter(sanitized.charAt(0))) {
      sanitized = "lifeline-" + sanitized;
    }
    if (sanitized.length() <= MAX_LENGTH) {
      return sanitized;
    }
    // Truncation alone could make two long keys collide; a hash of the full key keeps them apart.
    String hash = sha256(idempotencyKey).substring(0, 12);
    String head = sanitized.substring(0, MAX_LENGTH - hash.length() - 1).replaceAll("-+$", "");
    return head + "-" + hash;
  }

  static boolean isValid(String identifier) {
    return identifier.length() <= MAX_LENGTH && identifier.matches("[A-Za-z](-?[A-Za-z0-9])*");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
