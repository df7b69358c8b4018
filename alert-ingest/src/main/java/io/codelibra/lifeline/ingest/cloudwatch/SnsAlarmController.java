package io.codelibra.lifeline.ingest.cloudwatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.codelibra.lifeline.ingest.alert.AlertIntake;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.alert.NormalisedAlert;
import io.codelibra.lifeline.ingest.cloudwatch.SnsVerificationFailure.Reason;
import io.codelibra.lifeline.ingest.http.IngestRejection;
import io.codelibra.lifeline.ingest.integration.Integration;
import io.codelibra.lifeline.ingest.integration.Integrations;
import io.codelibra.lifeline.ingest.integration.RateLimitedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/integrations/sns}: CloudWatch alarms delivered by an SNS HTTP(S) subscription.
 * The topic must belong to an SNS integration and every message must carry a valid SNS signature;
 * subscriptions are confirmed only then, and only at an allow-listed SubscribeURL. Notifications
 * are answered 200 once the broker has the event. SNS retries on 5xx but drops on 4xx, so only
 * messages that can never be accepted get a 4xx.
 */
@RestController
public class SnsAlarmController {

  static final String RECEIVER = "cloudwatch";
  private static final Logger log = LoggerFactory.getLogger(SnsAlarmController.class);

  private final SnsMessageReader envelopes;
  private final SnsSignatureVerifier verifier;
  private final SnsUrlAllowList subscribeUrls;
  private final SnsSubscriptionConfirmer confirmer;
  private final CloudWatchAlarmReader alarms;
  private final Integrations integrations;
  private final AlertIntake intake;
  private final MeterRegistry meters;

  public SnsAlarmController(SnsMessageReader envelopes, SnsSignatureVerifier verifier, SnsProperties properties,
      SnsSubscriptionConfirmer confirmer, CloudWatchAlarmReader alarms, Integrations integrations, AlertIntake intake,
      MeterRegistry meters) {
    this.envelopes = envelopes;
    this.verifier = verifier;
    this.subscribeUrls = properties.subscribeUrls();
    this.confirmer = confirmer;
    this.alarms = alarms;
    this.integrations = integrations;
    this.intake = intake;
    this.meters = meters;
  }

  /** What SNS gets back (SNS only looks at the status; people testing with curl read this). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Answer(String status, String fingerprint, String eventId) {
  }

  @PostMapping(path = "/api/v1/integrations/sns", consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public ResponseEntity<Answer> receive(
      @RequestHeader(name = "x-amz-sns-message-type", required = false) String declaredType,
      @RequestBody byte[] body) {
    SnsMessage message = read(body);
    if (declaredType != null && !declaredType.equals(message.type().wireName())) {
      throw IngestRejection.malformed(RECEIVER, "x-amz-sns-message-type '" + declaredType
          + "' does not match Type '" + message.type().wireName() + "'");
    }
    // The topic first: messages for topics nobody configured never make the service fetch anything.
    Integration integration = integrations.forSnsTopic(message.topicArn())
        .orElseThrow(() -> IngestRejection.unknownSource(RECEIVER,
            "TopicArn " + message.topicArn() + " is not allowed by any SNS integration"));
    verify(message, integration);
    Answer answer = switch (message.type()) {
      case SUBSCRIPTION_CONFIRMATION -> confirm(message, integration);
      case UNSUBSCRIBE_CONFIRMATION -> unsubscribed(message, integration);
      case NOTIFICATION -> notification(message, integration, body);
    };
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
  }

  private SnsMessage read(byte[] body) {
    try {
      return envelopes.read(body);
    } catch (SnsMessageReader.Unreadable e) {
      throw new IngestRejection(HttpStatus.BAD_REQUEST, RECEIVER, "malformed", "Malformed request", e.problems());
    }
  }

  private void verify(SnsMessage message, Integration integration) {
    try {
      verifier.verify(message);
    } catch (SnsVerificationFailure e) {
      log.warn("SNS message refused: integration={} topic={} messageId={} reason={}: {}", integration.name(),
          message.topicArn(), message.messageId().replaceAll("[\\r\\n]", "_"), e.reason(), e.getMessage());
      if (e.reason() == Reason.CERTIFICATE_UNAVAILABLE) {
        // Our side of the problem: a 5xx makes SNS deliver the message again later.
        throw new IngestRejection(HttpStatus.SERVICE_UNAVAILABLE, RECEIVER, "signing_cert_unavailable",
            "Signing certificate unavailable", List.of(e.getMessage()));
      }
      throw IngestRejection.unauthenticated(RECEIVER, e.getMessage());
    }
  }

  private Answer confirm(SnsMessage message, Integration integration) {
    URI subscribeUrl = subscribeUrls.permit(message.subscribeUrl())
        .orElseThrow(() -> new IngestRejection(HttpStatus.FORBIDDEN, RECEIVER, "subscribe_url_not_allowed",
            "SubscribeURL not allowed", List.of("SubscribeURL is not on the allow-list (" + subscribeUrls + ")")));
    try {
      confirmer.confirm(subscribeUrl);
    } catch (SnsSubscriptionConfirmer.ConfirmationFailed e) {
      log.warn("SNS subscription not confirmed: integration={} topic={}: {}", integration.name(),
          message.topicArn(), e.getMessage());
      throw new IngestRejection(HttpStatus.BAD_GATEWAY, RECEIVER, "confirmation_failed", "Subscription not confirmed",
          List.of(e.getMessage()));
    }
    // The URL carries the subscription token: only its host is logged.
    log.info("SNS subscription confirmed: integration={} topic={} host={}", integration.name(), message.topicArn(),
        subscribeUrl.getHost());
    count(integration, "confirmed");
    return new Answer("subscribed", null, null);
  }

  private Answer unsubscribed(SnsMessage message, Integration integration) {
    // Deliberately not re-subscribing: someone ended the subscription in AWS and that is their call.
    log.warn("SNS subscription ended: integration={} topic={}; alarms from this topic stop arriving until it is "
        + "subscribed again", integration.name(), message.topicArn());
    count(integration, "unsubscribed");
    return new Answer("unsubscribed", null, null);
  }

  private Answer notification(SnsMessage message, Integration integration, byte[] body) {
    CloudWatchAlarm alarm;
    try {
      alarm = alarms.parse(message.message());
    } catch (IllegalArgumentException e) {
      throw IngestRejection.invalid(RECEIVER, List.of(e.getMessage()));
    }
    List<String> problems = alarms.problems(alarm);
    if (!problems.isEmpty()) {
      throw IngestRejection.invalid(RECEIVER, problems);
    }
    Optional<InboundAlert> alert = alarms.read(alarm, integration.name(), integration.service(),
        envelopes.withoutCredentials(body));
    if (alert.isEmpty()) {
      count(integration, "ignored_insufficient_data");
      return new Answer("ignored", null, null);
    }
    try {
      NormalisedAlert event = intake.accept(RECEIVER, integration, List.of(alert.get())).getFirst();
      return new Answer("accepted", event.fingerprint(), event.eventId());
    } catch (RateLimitedException e) {
      // SNS drops a message answered 4xx (429 included) but retries a 5xx: never lose the alarm to the limit.
      throw new IngestRejection(HttpStatus.SERVICE_UNAVAILABLE, RECEIVER, "rate_limited", "Rate limited",
          List.of(e.getMessage()));
    }
  }

  private void count(Integration integration, String event) {
    meters.counter("lifeline.ingest.sns.messages", "integration", integration.name(), "event", event).increment();
  }
}
