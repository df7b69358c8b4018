package io.codelibra.lifeline.escalation.notify;

import java.util.Collection;

/** Keeps credentials (endpoint URLs with tokens, routing keys) out of error texts that are logged and published. */
final class Secrets {

  private Secrets() {
  }

  static String scrub(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isBlank()) {
        scrubbed = scrubbed.replace(secret, "***");
      }
    }
    return scrubbed;
  }

  /** For toString of settings that hold a secret: whether it is set, never its value. */
  static String presence(String secret) {
    return secret == null || secret.isBlank() ? "(not set)" : "(set)";
  }
}
