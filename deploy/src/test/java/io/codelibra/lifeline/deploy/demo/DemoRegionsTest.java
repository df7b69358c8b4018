package io.codelibra.lifeline.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRegionsTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @Test
  void faultSwitchTurnsHealthTo503AndNeedsTheApiKey() throws Exception {
    try (DemoRegion east = new DemoRegion("us-east-1", 0, "k").start()) {
      String base = "http://127.0.0.1:" + east.port();
      assertThat(get(base + "/health").statusCode()).isEqualTo(200);

      assertThat(put(base + "/fault", "on", "wrong").statusCode()).isEqualTo(401);
      assertThat(put(base + "/fault", "maybe", "k").statusCode()).isEqualTo(400);
      assertThat(put(base + "/fault", "on", "k").statusCode()).isEqualTo(200);
      assertThat(get(base + "/health").statusCode()).isEqualTo(503);
      assertThat(put(base + "/fault", "off", "k").statusCode()).isEqualTo(200);
      assertThat(get(base + "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void wwwServesTheRegionNamedInTheRoutingFileAndFlipsOnTheNextRequest() throws Exception {
    Path routing = dir.resolve("active-region");
    try (DemoRegion east = new DemoRegion("us-east-1", 0, "k").start(); DemoRegion west = new DemoRegion("us-west-2", 0, "k").start();
        WwwEntryPoint www = new WwwEntryPoint(0, routing, "us-east-1", Map.of(
            "us-east-1", URI.create("http://127.0.0.1:" + east.port() + "/"),
            "us-west-2", URI.create("http://127.0.0.1:" + west.port() + "/"))).start()) {
      String base = "http://127.0.0.1:" + www.port();
      HttpResponse<String> first = get(base + "/");
      assertThat(first.headers().firstValue("X-Lifeline-Region")).hasValue("us-east-1");
      assertThat(first.body()).contains("served by us-east-1");

      Files.writeString(routing, "us-west-2\n");
      HttpResponse<String> flipped = get(base + "/");
      assertThat(flipped.statusCode()).isEqualTo(200);
      assertThat(flipped.body()).contains("served by us-west-2");

      put("http://127.0.0.1:" + west.port() + "/fault", "on", "k");
      assertThat(get(base + "/").statusCode()).as("the active region's fault shows through").isEqualTo(503);
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String url, String body, String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
