package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.runtime.errors.RootCause;
import io.codelibra.lifeline.runtime.http.OutboundRestClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClientException;

/**
 * POSTs a JSON body with Spring's {@link RestClient} over the JDK {@link HttpClient}, within a connect
 * and a read timeout and without following redirects, and turns the answer into a {@link Delivery}.
 */
public final class JsonPoster implements AutoCloseable {

  private static final int MAX_ANSWER_BYTES = 4096;

  private final OutboundRestClient http;

  public JsonPoster(Duration connectTimeout, Duration readTimeout) {
    http = new OutboundRestClient(connectTimeout, readTimeout);
  }

  /**
   * @param providerMessageId reads the channel's message id from an accepted answer
   * @param secrets texts to keep out of the error (the URL is always kept out: it may hold a token)
   */
  Delivery post(URI url, byte[] json, HttpHeaders headers, Function<HttpAnswer, String> providerMessageId,
      Collection<String> secrets) {
    List<String> hidden = new ArrayList<>(secrets);
    hidden.addAll(urlParts(url));
    try {
      HttpAnswer answer = http.rest().post()
          .uri(url)
          .contentType(MediaType.APPLICATION_JSON)
          .headers(all -> all.addAll(headers))
          .header(HttpHeaders.USER_AGENT, "Lifeline-Notifier")
          .body(json)
          .exchange((request, response) -> new HttpAnswer(response.getStatusCode().value(),
              new String(response.getBody().readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8)));
      Delivery delivery = answer.toDelivery(answer.isSuccess() ? providerMessageId.apply(answer) : null);
      return delivery instanceof Delivery.Failed failed
          ? new Delivery.Failed(failed.responseCode(), Secrets.scrub(failed.error(), hidden), failed.retryable())
          : delivery;
    } catch (RestClientException e) {
      // Spring's message names the URL; only the root cause (a refused connection, a timeout) is kept.
      return new Delivery.Failed(null, Secrets.scrub("no answer from the endpoint: " + RootCause.describe(e), hidden),
          true);
    }
  }

  @Override
  public void close() {
    http.close();
  }

  private static List<String> urlParts(URI url) {
    List<String> parts = new ArrayList<>(List.of(url.toString()));
    if (url.getRawPath() != null && url.getRawPath().length() > 1) {
      parts.add(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      parts.add(url.getRawQuery());
    }
    return parts;
  }

}
