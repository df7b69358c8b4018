package io.codelibra.lifeline.ingest.generic;

import java.util.Map;

/**
 * Lifeline's own alert format for any sender without a dedicated receiver.
 *
 * @param summary one line, required, at most 1024 characters
 * @param source what raised it, required (a host, a check, a job)
 * @param severity SEV1..SEV4, or critical | error | warning | info; SEV2 when absent
 * @param service the owning Lifeline service, if the sender knows it
 * @param dedupKey the sender's dedup key; derived from source, summary and labels when absent
 * @param details longer plain-text description
 * @param labels identifying labels
 * @param annotations non-identifying information such as runbook links
 * @param externalUrl link back to the alert in its source
 * @param status firing (default), acknowledged or resolved
 */
public record GenericAlert(
    String summary,
    String source,
    String severity,
    String service,
    String dedupKey,
    String details,
    Map<String, String> labels,
    Map<String, String> annotations,
    String externalUrl,
    String status) {
}
