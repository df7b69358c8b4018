package io.codelibra.lifeline.statuspage.publicpage;

import java.time.Instant;

/**
 * Every public document of one snapshot version, rendered once: the API v2 documents, the HTML page and the Atom
 * feed. Valid for that version until {@code validUntil}, the next midnight of the page's time zone, when the
 * uptime bars move on by a day.
 */
public record RenderedPage(
    long version,
    Instant validUntil,
    PublicDocument summary,
    PublicDocument status,
    PublicDocument components,
    PublicDocument incidents,
    PublicDocument unresolvedIncidents,
    PublicDocument scheduledMaintenances,
    PublicDocument upcomingMaintenances,
    PublicDocument activeMaintenances,
    PublicDocument html,
    PublicDocument historyFeed) {
}
