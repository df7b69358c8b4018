package io.codelibra.lifeline.failover.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's fault injection: each demo region's own switch, {@code PUT /fault} with body {@code on} or
 * {@code off} and the stack's API key as a bearer token, read back with {@code GET /fault}
 * ({@code {"region":..,"fault":true|false}}). The answer must name the region asked for, so a crossed URL map is caught
 * instead of breaking the wrong region. The demo switch keeps no reason and no handle: {@link FaultState#handle()} is
 * {@code null}.
 *
 * <p>Redirects are never followed: one would resend the API key to a host nobody configured. The key is sent only in
 * the {@code Authorization} header and appears in no message. Close it to release the JDK client.
 */
public final class DemoRegionFaultSwitch implements FaultInjection, AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private final DemoRegionFaultSettings settings;
  private final HttpClient http;

  public DemoRegionFaultSwitch(DemoRegionFaultSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public FaultState inject(String region, String reason) {
    return switchTo(region, true);
  }

  @Override
  public FaultState clear(String region) {
    return switchTo(region, false);
  }

  @Override
  public FaultState current(String region) {
    URI fault = faultUrl(region);
    return read(region, send(region, HttpRequest.newBuilder(fault).GET(), "GET /fault"));
  }

  @Override
  public void close() {
    http.close();
  }

  private FaultState switchTo(String region, boolean on) {
    URI fault = faultUrl(region);
    String body = on ? "on" : "off";
    send(region, HttpRequest.newBuilder(fault)
        .header("Authorization", "Bearer " + settings.apiKey())
        .header("Content-Type", "text/plain")
        .PUT(HttpRequest.BodyPublishers.ofString(body)), "PUT /fault " + body);
    FaultState observed = current(region);
    if (observed.active() != on) {
      throw new FaultInjectionException(region, "demo region " + region + " accepted PUT /fault " + body
          + " but reads back " + observed.observed());
    }
    return observed;
  }

  private URI faultUrl(String region) {
    URI base = settings.baseUrlByRegion().get(region);
    if (base == null) {
      throw new FaultInjectionException(region, "no demo region " + region + " configured; configured: "
          + settings.baseUrlByRegion().keySet());
    }
    String text = base.toString();
    return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/fault");
  }

  private String send(String region, HttpRequest.Builder request, String call) {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(settings.requestTimeout()).build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new FaultInjectionException(region, "demo region " + region + ": " + call + " timed out after "
          + settings.requestTimeout(), e);
    } catch (IOException e) {
      throw new FaultInjectionException(region, "demo region " + region + ": " + call + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultInjectionException(region, "interrupted during " + call + " on demo region " + region, e);
    }
    if (response.statusCode() != 200) {
      String hint = response.statusCode() == 401 ? " (the stack's API key is missing or wrong)" : "";
      throw new FaultInjectionException(region, response.statusCode(), "demo region " + region + " answered " + call
          + " with HTTP " + response.statusCode() + hint + ": " + excerpt(response.body()), null);
    }
    return response.body();
  }

  private static FaultState read(String region, String body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new FaultInjectionException(region, "demo region " + region + " answered GET /fault with no JSON: "
          + excerpt(body), e);
    }
    JsonNode fault = answer.get("fault");
    if (fault == null || !fault.isBoolean()) {
      throw new FaultInjectionException(region, "demo region " + region + " answered GET /fault without a fault flag: "
          + excerpt(body));
    }
    String answeredFor = answer.path("region").asString("");
    if (!region.equals(answeredFor)) {
      throw new FaultInjectionException(region, "the URL configured for demo region " + region
          + " is served by region '" + answeredFor + "'");
    }
    return new FaultState(region, fault.booleanValue(), null, "GET /fault: " + body.strip());
  }

  private static String excerpt(String body) {
    String stripped = body == null ? "" : body.strip();
    return stripped.length() <= MAX_BODY_IN_MESSAGE ? stripped : stripped.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }
}
