package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.testing.time.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.codelibra.lifeline.statuspage.page.PublishedPage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The HTML page and the Atom feed over MockMvc, with the problem advice as in the service. */
class StatusPageControllerTest {

  private final PublishedPage published = new PublishedPage();
  private final PublicDocuments documents = new PublicDocuments(published, new MovableClock(PublicPageSnapshots.NOW), new PageRenderer());
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new StatusPageController(documents))
      .setControllerAdvice(new PublicPageProblems()).build();

  @ParameterizedTest
  @ValueSource(strings = {"/", "/index.html"})
  void servesTheHtmlPageWithAPolicyThatAllowsNoScript(String path) throws Exception {
    published.publish(PublicPageSnapshots.outage());

    MockHttpServletResponse answer = mvc.perform(get(path).accept("text/html")).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(answer.getContentType()).isEqualTo("text/html;charset=UTF-8");
    assertThat(answer.getHeader("Content-Security-Policy")).startsWith("default-src 'none';").doesNotContain("script-src");
    assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.getHeader("ETag")).isEqualTo("\"7-2026-11-20\"");
    assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("<h2 id=\"overall-status\">Major System Outage</h2>");
  }

  @Test
  void servesTheIncidentHistoryAsAtom() throws Exception {
    published.publish(PublicPageSnapshots.outage());

    MockHttpServletResponse answer = mvc.perform(get("/history.atom")).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(answer.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
    assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
  }

  @Test
  void answers503ProblemWithRetryAfterToABrowserToo() throws Exception {
    MockHttpServletResponse answer = mvc.perform(get("/").accept("text/html,application/xhtml+xml,*/*;q=0.8")).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getContentType()).isEqualTo("application/problem+json");
    assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
  }
}
