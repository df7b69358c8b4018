package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.runtime.http.OutboundRestClient;
import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.runtime.webhook.WebhookSignature;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClientException;

/**
 * Tells a webhook subscriber: POSTs the {@link WebhookPayload} to its URL, signed like every Lifeline webhook
 * ({@link WebhookSignature}: {@code X-Lifeline-Signature} and {@code X-Lifeline-Timestamp}); unsigned when no
 * secret is configured. 2xx is delivered; 408, 429, 5xx and no answer may pass on another attempt.
 */
final class WebhookNoticeSender implements NoticeSender, AutoCloseable {

  private final SubscriptionLinks links;
  private final WebhookSignature signature;
  private final Clock clock;
  private final OutboundRestClient http;

  /** @param signature null to send unsigned */
  WebhookNoticeSender(SubscriptionLinks links, WebhookSignature signature, Duration connectTimeout, Duration readTimeout,
      Clock clock) {
    this.links = links;
    this.signature = signature;
    this.clock = clock;
    http = new OutboundRestClient(connectTimeout, readTimeout);
  }

  @Override
  public SubscriberChannel channel() {
    return SubscriberChannel.webhook;
  }

  @Override
  public void send(SubscriberState subscriber, SubscriberNotice notice, PageSnapshot page) throws DeliveryFailed {
    URI url = httpUrl(subscriber.address());
    byte[] body = WebhookPayload.of(notice, page, links.pageUrl(page.settings()), links.unsubscribeUrl(subscriber.id()));
    HttpHeaders headers = new HttpHeaders();
    headers.set(WebhookSignature.TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()));
    headers.set("X-Lifeline-Event-Id", notice.eventId());
    if (signature != null) {
      headers.set(WebhookSignature.HEADER, signature.sign(body));
    }
    int status;
    try {
      status = http.rest().post()
          .uri(url)
          .contentType(MediaType.APPLICATION_JSON)
          .headers(all -> all.addAll(headers))
          .header(HttpHeaders.USER_AGENT, "Lifeline-Statuspage")
          .body(body)
          .exchange((request, response) -> response.getStatusCode().value());
    } catch (RestClientException e) {
      throw new DeliveryFailed("no answer: " + FailureReason.of(e, subscriber.address()), true);
    }
    if (status < 200 || status >= 300) {
      boolean retryable = status == 408 || status == 429 || status >= 500;
      String redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
      throw new DeliveryFailed("HTTP " + status + redirect, retryable);
    }
  }

  private static URI httpUrl(String address) throws DeliveryFailed {
    URI url = null;
    try {
      url = address == null ? null : new URI(address);
    } catch (URISyntaxException e) {
      // reported below, without the address
    }
    if (url == null || url.getHost() == null
        || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
      throw new DeliveryFailed("the subscriber's address is not an http(s) URL", false);
    }
    return url;
  }

  @Override
  public void close() {
    http.close();
  }
}
