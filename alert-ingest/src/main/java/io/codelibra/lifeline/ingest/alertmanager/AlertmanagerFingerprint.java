package io.codelibra.lifeline.ingest.alertmanager;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Alertmanager's own alert fingerprint, for senders that leave {@code fingerprint} out (Alertmanager
 * before 0.19, hand-written webhooks): FNV-1a 64 over the label pairs sorted by name, each name and
 * value followed by the byte 0xff, printed as 16 hex digits, exactly as prometheus/common's
 * {@code LabelSet.Fingerprint()}. The same alert then gets the same key whether or not it was sent.
 */
final class AlertmanagerFingerprint {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final int SEPARATOR = 0xff;

  private AlertmanagerFingerprint() {
  }

  static String of(Map<String, String> labels) {
    long hash = FNV_OFFSET;
    // Go sorts label names by their bytes, which for UTF-8 is not always Java's UTF-16 order.
    byte[][] names = labels.keySet().stream()
        .map(name -> name.getBytes(StandardCharsets.UTF_8))
        .sorted(Arrays::compareUnsigned)
        .toArray(byte[][]::new);
    for (byte[] name : names) {
      hash = add(hash, name);
      hash = add(hash, SEPARATOR);
      hash = add(hash, labels.get(new String(name, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
      hash = add(hash, SEPARATOR);
    }
    return String.format("%016x", hash);
  }

  private static long add(long hash, byte[] bytes) {
    for (byte b : bytes) {
      hash = add(hash, b & 0xff);
    }
    return hash;
  }

  private static long add(long hash, int unsignedByte) {
    return (hash ^ unsignedByte) * FNV_PRIME;
  }
}
