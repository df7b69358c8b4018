package io.codelibra.lifeline.ingest.generic;

import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.ingest.alert.AlertState;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.severity.SeverityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates Lifeline's generic JSON alert and reads it as an {@link InboundAlert}; shared by the
 * HTTP endpoint and the {@code alerts.inbound} topic. Returns every problem at once.
 */
public class GenericAlertReader {

  public static final int MAX_SUMMARY_LENGTH = 1024;

  private final SeverityTable severities;

  public GenericAlertReader(SeverityTable severities) {
    this.severities = severities;
  }

  /** The problems with the alert; empty when it can be accepted. */
  public List<String> problems(GenericAlert alert) {
    List<String> errors = new ArrayList<>();
    if (alert.summary() == null || alert.summary().isBlank()) {
      errors.add("summary is required");
    } else if (alert.summary().length() > MAX_SUMMARY_LENGTH) {
      errors.add("summary is longer than " + MAX_SUMMARY_LENGTH + " characters");
    }
    if (alert.source() == null || alert.source().isBlank()) {
      errors.add("source is required");
    }
    if (alert.severity() != null && !alert.severity().isBlank()
        && severities.lookup(AlertSourceType.generic, alert.severity()).isEmpty()) {
      errors.add("severity '" + alert.severity() + "' is not one of SEV1..SEV4, critical, error, warning, info");
    }
    if (alert.status() != null && state(alert.status()).isEmpty()) {
      errors.add("status '" + alert.status() + "' is not one of firing, acknowledged, resolved");
    }
    return errors;
  }

  /** Reads an alert whose {@link #problems} are empty. */
  public InboundAlert read(GenericAlert alert, AlertSourceType sourceType, String integration, String rawPayload) {
    return new InboundAlert(sourceType, alert.source(), integration,
        alert.status() == null ? AlertState.FIRING : state(alert.status()).orElseThrow(),
        blankToNull(alert.dedupKey()), alert.summary(), blankToNull(alert.details()),
        blankToNull(alert.severity()), alert.labels(), alert.annotations(), blankToNull(alert.externalUrl()),
        null, null, blankToNull(alert.service()), rawPayload);
  }

  private static Optional<AlertState> state(String status) {
    return switch (status.trim().toLowerCase(Locale.ROOT)) {
      case "firing", "triggered", "trigger" -> Optional.of(AlertState.FIRING);
      case "acknowledged", "acknowledge" -> Optional.of(AlertState.ACKNOWLEDGED);
      case "resolved", "resolve" -> Optional.of(AlertState.RESOLVED);
      default -> Optional.empty();
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
