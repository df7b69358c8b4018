package io.codelibra.lifeline.ingest.generic;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Validates a {@link GenericAlert} and turns it into an {@link AlertRaised} event. */
public class GenericAlertNormaliser {

  static final int MAX_SUMMARY_LENGTH = 1024;
  private static final Map<String, Severity> SOURCE_SEVERITIES = Map.of(
      "critical", Severity.SEV1,
      "error", Severity.SEV2,
      "warning", Severity.SEV3,
      "info", Severity.SEV4);

  private final Clock clock;

  public GenericAlertNormaliser(Clock clock) {
    this.clock = clock;
  }

  public AlertRaised normalise(GenericAlert alert) {
    List<String> errors = new ArrayList<>();
    if (alert.summary() == null || alert.summary().isBlank()) {
      errors.add("summary is required");
    } else if (alert.summary().length() > MAX_SUMMARY_LENGTH) {
      errors.add("summary is longer than " + MAX_SUMMARY_LENGTH + " characters");
    }
    if (alert.source() == null || alert.source().isBlank()) {
      errors.add("source is required");
    }
    Optional<Severity> severity = severityOf(alert.severity());
    if (severity.isEmpty()) {
      errors.add("severity '" + alert.severity() + "' is not one of SEV1..SEV4, critical, error, warning, info");
    }
    if (!errors.isEmpty()) {
      throw new InvalidAlertException(errors);
    }
    Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
    return AlertRaised.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(clock.instant())
        .setSource(alert.source())
        .setFingerprint(fingerprintOf(alert, labels))
        .setSourceType(AlertSourceType.generic)
        .setService(blankToNull(alert.service()))
        .setSeverity(severity.orElseThrow())
        .setSourceSeverity(blankToNull(alert.severity()))
        .setSummary(alert.summary())
        .setDetails(blankToNull(alert.details()))
        .setLabels(labels)
        .setAnnotations(alert.annotations() == null ? Map.of() : alert.annotations())
        .setExternalUrl(blankToNull(alert.externalUrl()))
        .setStartsAt(clock.instant())
        .build();
  }

  /** The sender's dedup key, else a digest of source, summary and the sorted labels: the same alert, the same key. */
  static String fingerprintOf(GenericAlert alert, Map<String, String> labels) {
    if (alert.dedupKey() != null && !alert.dedupKey().isBlank()) {
      return alert.dedupKey();
    }
    String identity = alert.source() + "\n" + alert.summary() + "\n" + new TreeMap<>(labels);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "generic:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  private static Optional<Severity> severityOf(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(Severity.SEV2);
    }
    String normalised = value.trim().toUpperCase(Locale.ROOT);
    for (Severity severity : Severity.values()) {
      if (severity.name().equals(normalised)) {
        return Optional.of(severity);
      }
    }
    return Optional.ofNullable(SOURCE_SEVERITIES.get(value.trim().toLowerCase(Locale.ROOT)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
