package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationRequested;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * The {@code slack} channel: a Block Kit message ({@link SlackMessage}) POSTed to a Slack incoming webhook,
 * configured under the recipient's name or given as the recipient. The webhook URL is the credential.
 */
public final class SlackSender implements NotificationSender {

  private final JsonPoster http;
  private final HttpEndpoints endpoints;

  SlackSender(JsonPoster http, HttpEndpoints endpoints) {
    this.http = http;
    this.endpoints = endpoints;
  }

  @Override
  public boolean supports(NotificationChannel channel) {
    return channel == NotificationChannel.slack;
  }

  @Override
  public Delivery send(NotificationRequested request) {
    Optional<URI> url = endpoints.resolve(request.getRecipient());
    if (url.isEmpty()) {
      return new Delivery.Failed(null, "the recipient is neither a configured Slack webhook name nor an http(s) URL",
          false);
    }
    return http.post(url.get(), NotifyJson.bytes(SlackMessage.of(request)), new HttpHeaders(), answer -> null,
        List.of());
  }
}
