package io.codelibra.lifeline.statuspage.statuspageio;

import io.codelibra.lifeline.runtime.http.OutboundRestClient;
import io.codelibra.lifeline.events.ComponentStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Statuspage.io's manage API, the one call Lifeline makes: {@code PATCH /v1/pages/{page_id}/components/{component_id}}
 * with {@code {"component":{"status":...}}}, authenticated with {@code Authorization: OAuth <api key>}.
 */
final class StatuspageIoClient implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_ANSWER_BYTES = 4096;

  private final URI apiUrl;
  private final String pageId;
  private final String authorization;
  private final OutboundRestClient http;

  StatuspageIoClient(URI apiUrl, String pageId, String apiKey, Duration connectTimeout, Duration readTimeout) {
    this.apiUrl = apiUrl;
    this.pageId = pageId;
    this.authorization = "OAuth " + apiKey;
    http = new OutboundRestClient(connectTimeout, readTimeout);
  }

  /**
   * One attempt to set a Statuspage.io component's status.
   *
   * @throws RestClientException when no answer came (refused, timed out)
   */
  ApiAnswer setStatus(String statuspageComponentId, ComponentStatus status) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("component").put("status", status.name());
    return http.rest().patch()
        .uri(componentUrl(statuspageComponentId))
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.AUTHORIZATION, authorization)
        .header(HttpHeaders.USER_AGENT, "Lifeline-Statuspage")
        .body(JSON.writeValueAsBytes(body))
        .exchange((request, response) -> new ApiAnswer(response.getStatusCode().value(),
            new String(response.getBody().readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8),
            response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
  }

  private URI componentUrl(String statuspageComponentId) {
    return UriComponentsBuilder.fromUri(apiUrl)
        .pathSegment("v1", "pages", pageId, "components", statuspageComponentId)
        .build()
        .encode()
        .toUri();
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "StatuspageIoClient[apiUrl=" + apiUrl + ", pageId=" + pageId + "]";
  }
}
