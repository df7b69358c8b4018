package io.codelibra.lifeline.escalation.contact;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a contact method's {@code address} must look like for its type. */
final class ContactAddress {

  // The WHATWG (HTML form) definition of a valid e-mail address: strict enough to catch typos,
  // without the RFC 5322 corners (quoted local parts, comments) that no pager recipient needs.
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  /**
   * An Events API v2 routing key, or the name under which the notifier's configuration holds an endpoint URL
   * or routing key. Neither can contain {@code :} or {@code /}, so a mistyped URL is never taken for a name.
   */
  private static final Pattern NAME_OR_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private ContactAddress() {
  }

  /** Why {@code address} is not a valid address of {@code type}; empty when it is. */
  static Optional<String> problem(ContactMethodType type, String address) {
    boolean valid = switch (type) {
      case email -> EMAIL.matcher(address).matches();
      case webhook, slack -> isHttpUrl(address) || NAME_OR_KEY.matcher(address).matches();
      case pagerduty -> NAME_OR_KEY.matcher(address).matches();
      case sms, voice -> E164.matcher(address).matches();
      case push -> !address.isBlank();
    };
    return valid ? Optional.empty() : Optional.of("address must be " + expectation(type)
        + " for a contact method of type " + type + ", not '" + address + "'");
  }

  private static String expectation(ContactMethodType type) {
    return switch (type) {
      case email -> "an e-mail address";
      case webhook, slack -> "an absolute http(s) URL or the name of an endpoint configured in the notifier";
      case pagerduty -> "an Events API v2 routing key or the name of one configured in the notifier";
      case sms, voice -> "an E.164 phone number such as +14155550100";
      case push -> "a device id";
    };
  }

  private static boolean isHttpUrl(String address) {
    try {
      URI uri = new URI(address);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
