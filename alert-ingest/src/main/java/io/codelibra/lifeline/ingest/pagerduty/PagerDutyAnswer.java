package io.codelibra.lifeline.ingest.pagerduty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Every answer of {@code /v2/enqueue}, in the PagerDuty Events API v2 shape ({@code status},
 * {@code message}, then {@code dedup_key} on success or {@code errors} on refusal), so a sender written
 * for PagerDuty reads ours unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PagerDutyAnswer(
    String status,
    String message,
    @JsonProperty("dedup_key") String dedupKey,
    List<String> errors) {

  static PagerDutyAnswer success(String dedupKey) {
    return new PagerDutyAnswer("success", "Event processed", dedupKey, null);
  }

  /** PagerDuty's 400 for an event it parsed but will not take, an unknown routing key included. */
  static PagerDutyAnswer invalid(List<String> errors) {
    return new PagerDutyAnswer("invalid event", "Event object is invalid", null, List.copyOf(errors));
  }

  /** PagerDuty's 400 for a body that is not a JSON event object at all. */
  static PagerDutyAnswer unrecognized(List<String> errors) {
    return new PagerDutyAnswer("Unrecognized object", "Event object format is unrecognized", null, List.copyOf(errors));
  }

  /** PagerDuty's 429 body, word for word (the two spaces included) as its Events API sends it. */
  static PagerDutyAnswer throttled() {
    return new PagerDutyAnswer("throttle exceeded",
        "Requests for this service are arriving too quickly.  Please retry later.", null, null);
  }

  /** Our 503: PagerDuty documents "retry after some time" for every 5xx; the message says how. */
  static PagerDutyAnswer unavailable(long retryAfterSeconds) {
    return new PagerDutyAnswer("unavailable", "The event was not accepted: the event broker did not acknowledge it. "
        + "Retry after " + retryAfterSeconds + " s with the same dedup_key.", null, null);
  }
}
