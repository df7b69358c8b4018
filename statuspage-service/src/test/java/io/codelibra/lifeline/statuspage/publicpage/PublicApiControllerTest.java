package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.testing.time.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.codelibra.lifeline.statuspage.page.PublishedPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API v2 controller over MockMvc, with the problem advice as in the service. */
class PublicApiControllerTest {

  private final PublishedPage published = new PublishedPage();
  private final PublicDocuments documents = new PublicDocuments(published, new MovableClock(PublicPageSnapshots.NOW), new PageRenderer());
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PublicApiController(documents))
      .setControllerAdvice(new PublicPageProblems()).build();

  @ParameterizedTest
  @ValueSource(strings = {"/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
      "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
      "/api/v2/scheduled-maintenances/active.json"})
  void servesEachDocumentAsJsonReadableFromAnyOriginWithItsVersionAsETag(String path) throws Exception {
    published.publish(PublicPageSnapshots.outage());

    MockHttpServletResponse answer = mvc.perform(get(path).header("Origin", "https://widget.example")).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(answer.getContentType()).isEqualTo("application/json");
    assertThat(answer.getHeaders("Access-Control-Allow-Origin")).containsExactly("*");
    assertThat(answer.getHeader("ETag")).isEqualTo("\"7\"");
    assertThat(answer.getHeader("Cache-Control")).isEqualTo("max-age=5, public");
    assertThat(JsonMapper.builder().build().readTree(answer.getContentAsByteArray()).at("/page/id").asString()).isEqualTo("lifeline");
  }

  @Test
  void servesTheBytesRenderedForTheVersion() throws Exception {
    published.publish(PublicPageSnapshots.outage());

    byte[] body = mvc.perform(get("/api/v2/summary.json")).andReturn().getResponse().getContentAsByteArray();

    assertThat(body).isEqualTo(documents.current().orElseThrow().summary().body());
  }

  @Test
  void answersNotModifiedWhenTheClientHasTheVersion() throws Exception {
    published.publish(PublicPageSnapshots.outage());

    MockHttpServletResponse answer = mvc.perform(get("/api/v2/summary.json").header("If-None-Match", "\"7\"")).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(304);
    assertThat(answer.getContentAsByteArray()).isEmpty();
    assertThat(answer.getHeader("ETag")).isEqualTo("\"7\"");
  }

  @Test
  void answers503ProblemWithRetryAfterUntilThePageIsRestored() throws Exception {
    MockHttpServletResponse answer = mvc.perform(get("/api/v2/summary.json")).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getContentType()).isEqualTo("application/problem+json");
    assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
    assertThat(answer.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(answer.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonNode problem = JsonMapper.builder().build().readTree(answer.getContentAsByteArray());
    assertThat(problem.get("status").asInt()).isEqualTo(503);
    assertThat(problem.get("title").asString()).isEqualTo("Status page not ready");
  }
}
