package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.runtime.webhook.WebhookSignature;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * The {@code webhook} channel: a JSON POST signed with HMAC-SHA256 ({@link WebhookSignature}) to the
 * endpoint named by the recipient, or to the recipient's URL. Unsigned when no secret is configured.
 */
public final class WebhookSender implements NotificationSender {

  private final JsonPoster http;
  private final HttpEndpoints endpoints;
  private final WebhookSignature signature;
  private final Clock clock;

  /** @param signature null to send unsigned */
  WebhookSender(JsonPoster http, HttpEndpoints endpoints, WebhookSignature signature, Clock clock) {
    this.http = http;
    this.endpoints = endpoints;
    this.signature = signature;
    this.clock = clock;
  }

  @Override
  public boolean supports(NotificationChannel channel) {
    return channel == NotificationChannel.webhook;
  }

  @Override
  public Delivery send(NotificationRequested request) {
    Optional<URI> url = endpoints.resolve(request.getRecipient());
    if (url.isEmpty()) {
      return new Delivery.Failed(null, "the recipient is neither a configured webhook endpoint name nor an http(s) URL",
          false);
    }
    byte[] body = WebhookPayload.of(request);
    HttpHeaders headers = new HttpHeaders();
    headers.set(WebhookSignature.TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()));
    headers.set("X-Lifeline-Notification-Id", request.getNotificationId());
    if (signature != null) {
      headers.set(WebhookSignature.HEADER, signature.sign(body));
    }
    return http.post(url.get(), body, headers, answer -> null, List.of());
  }
}
