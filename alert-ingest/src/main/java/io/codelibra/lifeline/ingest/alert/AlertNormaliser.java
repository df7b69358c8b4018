package io.codelibra.lifeline.ingest.alert;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.ingest.routing.ServiceRoutes;
import io.codelibra.lifeline.ingest.severity.SeverityTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns an {@link InboundAlert} into the event for the {@code alerts} topic: a stable fingerprint,
 * the SEV level from the severity table, the owning service from the routing key or the routes,
 * and the original payload kept up to a bound.
 */
public class AlertNormaliser {

  private final SeverityTable severities;
  private final ServiceRoutes routes;
  private final int maxRawPayloadChars;
  private final Clock clock;

  public AlertNormaliser(SeverityTable severities, ServiceRoutes routes, int maxRawPayloadChars, Clock clock) {
    this.severities = severities;
    this.routes = routes;
    this.maxRawPayloadChars = maxRawPayloadChars;
    this.clock = clock;
  }


  public NormalisedAlert normalise(InboundAlert alert) {
    String fingerprint = fingerprintOf(alert);
    String service = alert.service() != null && !alert.service().isBlank()
        ? alert.service()
        : routes.serviceFor(alert.labels()).orElse(null);
    boolean truncated = alert.rawPayload() != null && alert.rawPayload().length() > maxRawPayloadChars;
    String raw = truncated ? alert.rawPayload().substring(0, maxRawPayloadChars) : alert.rawPayload();
    var event = switch (alert.state()) {
      case FIRING -> AlertRaised.newBuilder()
          .setEventId(UUID.randomUUID())
          .setOccurredAt(clock.instant())
          .setSource(alert.source())
          .setFingerprint(fingerprint)
          .setSourceType(alert.sourceType())
          .setService(service)
          .setSeverity(severities.map(alert.sourceType(), alert.sourceSeverity()))
          .setSourceSeverity(alert.sourceSeverity())
          .setSummary(alert.summary())
          .setDetails(alert.details())
          .setLabels(alert.labels())
          .setAnnotations(alert.annotations())
          .setExternalUrl(alert.externalUrl())
          .setStartsAt(alert.startsAt() != null ? alert.startsAt() : clock.instant())
          .setRawPayload(raw)
          .setRawPayloadTruncated(truncated)
          .build();
      case ACKNOWLEDGED -> AlertAcknowledged.newBuilder()
          .setEventId(UUID.randomUUID())
          .setOccurredAt(clock.instant())
          .setSource(alert.source())
          .setFingerprint(fingerprint)
          .setSourceType(alert.sourceType())
          .setService(service)
          .setActor(Actor.newBuilder().setType(ActorType.integration).setId(alert.integration()).build())
          .setNote(alert.summary())
          .setRawPayload(raw)
          .setRawPayloadTruncated(truncated)
          .build();
      case RESOLVED -> AlertResolved.newBuilder()
          .setEventId(UUID.randomUUID())
          .setOccurredAt(clock.instant())
          .setSource(alert.source())
          .setFingerprint(fingerprint)
          .setSourceType(alert.sourceType())
          .setService(service)
          .setEndsAt(alert.endsAt() != null ? alert.endsAt() : clock.instant())
          .setReason(alert.details())
          .setLabels(alert.labels())
          .setAnnotations(alert.annotations())
          .setRawPayload(raw)
          .setRawPayloadTruncated(truncated)
          .build();
    };
    return new NormalisedAlert(fingerprint, event);
  }

  /**
   * The sender's dedup key, else a digest of source type, source, summary and the sorted labels:
   * the same alert always gets the same key, whatever the order of its labels.
   */
  public static String fingerprintOf(InboundAlert alert) {
    if (alert.dedupKey() != null && !alert.dedupKey().isBlank()) {
      return alert.dedupKey();
    }
    return derivedFingerprint(alert.sourceType().name(), alert.source(), alert.summary(), alert.labels());
  }

  static String derivedFingerprint(String prefix, String source, String summary, Map<String, String> labels) {
    String identity = source + "\n" + summary + "\n" + new TreeMap<>(labels);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return prefix + ":" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
