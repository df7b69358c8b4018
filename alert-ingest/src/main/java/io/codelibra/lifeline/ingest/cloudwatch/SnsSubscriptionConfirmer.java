package io.codelibra.lifeline.ingest.cloudwatch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Confirms an SNS subscription the way AWS documents for HTTP(S) endpoints: a GET of the verified,
 * allow-listed {@code SubscribeURL} (it carries the topic and the token; no AWS credentials needed).
 */
public class SnsSubscriptionConfirmer {

  /** SNS did not accept the confirmation; SNS resends the SubscriptionConfirmation when told 5xx. */
  public static class ConfirmationFailed extends RuntimeException {
    public ConfirmationFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpClient http;
  private final Duration timeout;

  public SnsSubscriptionConfirmer(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** @throws ConfirmationFailed when the URL did not answer 2xx in time */
  public void confirm(URI subscribeUrl) {
    HttpRequest request = HttpRequest.newBuilder(subscribeUrl).timeout(timeout).GET().build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new ConfirmationFailed("SubscribeURL answered " + response.statusCode(), null);
      }
    } catch (IOException e) {
      throw new ConfirmationFailed("SubscribeURL could not be reached: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfirmationFailed("interrupted while confirming the subscription", e);
    }
  }
}
