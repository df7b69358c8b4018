package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationRequested;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * The {@code pagerduty} channel: forwards to a PagerDuty-compatible Events API v2 endpoint. The recipient
 * names a routing key configured in the notifier, or is the routing key itself.
 */
public final class PagerDutySender implements NotificationSender {

  private final JsonPoster http;
  private final URI eventsUrl;
  private final Map<String, String> routingKeys;

  PagerDutySender(JsonPoster http, URI eventsUrl, Map<String, String> routingKeys) {
    this.http = http;
    this.eventsUrl = eventsUrl;
    this.routingKeys = Map.copyOf(routingKeys);
  }

  @Override
  public boolean supports(NotificationChannel channel) {
    return channel == NotificationChannel.pagerduty;
  }

  @Override
  public Delivery send(NotificationRequested request) {
    String routingKey = routingKeys.getOrDefault(request.getRecipient(), request.getRecipient());
    byte[] event = NotifyJson.bytes(PagerDutyEvent.of(request, routingKey));
    return http.post(eventsUrl, event, new HttpHeaders(), answer -> NotifyJson.field(answer.body(), "dedup_key"),
        List.of(routingKey));
  }
}
