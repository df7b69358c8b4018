package io.codelibra.lifeline.recovery.postmortem;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the post-incident reviews ({@code lifeline.recovery.postmortem.*}); the directory is
 * {@code lifeline.recovery.postmortem.directory}, by default {@code ${LIFELINE_DATA_DIR:.lifeline}/postmortems}.
 *
 * @param enabled feed, store and API on (default true)
 * @param lead how long before an incident opened its region pair's events still count (default 15m)
 * @param trail how long after it was resolved they still count (default 0s)
 * @param maxIncidents incidents (and fingerprints, runs...) kept in memory, oldest dropped first (default 10000)
 * @param maxEventsPerKey events kept per incident, fingerprint, run or region pair (default 1000)
 * @param settle wait after an IncidentResolved before storing the draft, so the other topics catch up (default 30s)
 * @param pollTimeout longest wait of one poll of the topics (default 1s)
 */
@ConfigurationProperties("lifeline.recovery.postmortem")
public record PostmortemProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("15m") Duration lead,
    @DefaultValue("0s") Duration trail,
    @DefaultValue("10000") int maxIncidents,
    @DefaultValue("1000") int maxEventsPerKey,
    @DefaultValue("30s") Duration settle,
    @DefaultValue("1s") Duration pollTimeout) {
}
