package io.codelibra.lifeline.escalation.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * Where a webhook or Slack notification goes: the URL configured under the recipient's name, else the
 * recipient itself when it is an http(s) URL (a contact method's address).
 */
final class HttpEndpoints {

  private final Map<String, URI> byName;

  HttpEndpoints(Map<String, URI> byName) {
    this.byName = Map.copyOf(byName);
  }

  Optional<URI> resolve(String recipient) {
    URI named = byName.get(recipient);
    if (named != null) {
      return Optional.of(named);
    }
    try {
      URI url = new URI(recipient);
      boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
      return http && url.getHost() != null ? Optional.of(url) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
