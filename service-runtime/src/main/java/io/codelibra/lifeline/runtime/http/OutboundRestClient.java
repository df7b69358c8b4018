package io.codelibra.lifeline.runtime.http;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A {@link RestClient} for calls to endpoints outside Lifeline (webhooks, Slack, PagerDuty, Statuspage.io): bounded
 * connect and read times, and redirects never followed, because a redirect would resend a signed body or a credential
 * to a host nobody configured. Close it to release the underlying JDK client.
 */
public final class OutboundRestClient implements AutoCloseable {

  private final HttpClient httpClient;
  private final RestClient rest;

  public OutboundRestClient(Duration connectTimeout, Duration readTimeout) {
    httpClient = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
    requests.setReadTimeout(readTimeout);
    rest = RestClient.builder().requestFactory(requests).build();
  }

  public RestClient rest() {
    return rest;
  }

  @Override
  public void close() {
    httpClient.close();
  }
}
