package io.codelibra.lifeline.ingest.alert;

import io.codelibra.lifeline.events.AlertSourceType;
import java.time.Instant;
import java.util.Map;

/**
 * One alert as a receiver understood it, before normalisation: every receiver (Alertmanager,
 * CloudWatch via SNS, PagerDuty Events API, generic JSON, the {@code alerts.inbound} topic) turns
 * its payload into these, and {@link AlertNormaliser} turns them into events.
 *
 * @param sourceType the kind of sender
 * @param source who sent it, e.g. {@code alertmanager:prod}, {@code cloudwatch:123456789012}
 * @param integration the configured integration that authenticated the request
 * @param state firing, acknowledged or resolved
 * @param dedupKey the sender's own key for this alert (Alertmanager fingerprint, PagerDuty dedup_key,
 *     alarm ARN); null to derive one from source, summary and labels
 * @param summary one line; required for FIRING
 * @param details longer text, or null
 * @param sourceSeverity the sender's severity word, or null
 * @param labels identifying labels, used for routing and the derived dedup key
 * @param annotations non-identifying information
 * @param externalUrl link back to the alert, or null
 * @param startsAt when it started firing, or null
 * @param endsAt when it resolved, or null
 * @param service the owning Lifeline service when the sender fixes it (routing key), else null to route by labels
 * @param rawPayload the original payload (bounded by the normaliser), or null
 */
public record InboundAlert(
    AlertSourceType sourceType,
    String source,
    String integration,
    AlertState state,
    String dedupKey,
    String summary,
    String details,
    String sourceSeverity,
    Map<String, String> labels,
    Map<String, String> annotations,
    String externalUrl,
    Instant startsAt,
    Instant endsAt,
    String service,
    String rawPayload) {

  public InboundAlert {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
