package io.codelibra.lifeline.recovery.postmortem;

import java.util.regex.Pattern;

/** Which incident ids may name a file: letters, digits, '.', '_', '-', starting with a letter or digit, at most 128. */
final class IncidentIds {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private IncidentIds() {
  }

  static boolean safe(String incidentId) {
    return incidentId != null && SAFE.matcher(incidentId).matches() && !incidentId.contains("..");
  }
}
