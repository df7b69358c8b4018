package io.codelibra.lifeline.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One HTTP answer of failover-service: its status, its JSON body (a text node when the body was not JSON) and its
 * {@code Location}, if any.
 */
record ApiAnswer(int status, JsonNode body, String location) {

  boolean successful() {
    return status >= 200 && status < 300;
  }

  Optional<String> text(String field) {
    JsonNode value = body.path(field);
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** What went wrong, for a person: a problem's detail (else its title), or the raw body. */
  String problem() {
    Optional<String> detail = text("detail").or(() -> text("title"));
    if (detail.isPresent()) {
      return detail.get();
    }
    String raw = body.isTextual() ? body.asText().strip() : body.toString();
    return raw.isEmpty() ? "HTTP " + status + " without a body" : raw;
  }
}
