package io.codelibra.lifeline.registry.state;

import io.codelibra.lifeline.registry.error.RegistryException;
import java.util.Locale;

/** A version as a request names it: a number from 1, or "latest" (also written -1). */
public record VersionRef(int number, String text) {

  private static final int LATEST = -1;

  public static VersionRef parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
      return new VersionRef(LATEST, text);
    }
    try {
      int number = Integer.parseInt(trimmed);
      if (number == LATEST || number > 0) {
        return new VersionRef(number, text);
      }
    } catch (NumberFormatException notANumber) {
      // falls through to Confluent's 42202
    }
    throw RegistryException.invalidVersion(text);
  }

  public static VersionRef of(int number) {
    return new VersionRef(number, Integer.toString(number));
  }

  public static VersionRef latest() {
    return new VersionRef(LATEST, "latest");
  }

  public boolean isLatest() {
    return number == LATEST;
  }
}
