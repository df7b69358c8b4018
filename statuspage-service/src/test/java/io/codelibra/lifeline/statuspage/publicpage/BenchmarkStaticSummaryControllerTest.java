package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.testing.time.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class BenchmarkStaticSummaryControllerTest {

  private final PublishedPage published = new PublishedPage();
  private final PublicDocuments documents = new PublicDocuments(published, new MovableClock(PublicPageSnapshots.NOW), new PageRenderer());

  @Test
  void existsOnlyWhenTheBenchmarkPropertyIsTrue() {
    ApplicationContextRunner runner = new ApplicationContextRunner()
        .withBean(PublicDocuments.class, () -> documents)
        .withUserConfiguration(BenchmarkStaticSummaryController.class);

    runner.run(context -> assertThat(context).doesNotHaveBean(BenchmarkStaticSummaryController.class));
    runner.withPropertyValues("lifeline.statuspage.benchmark-static=false")
        .run(context -> assertThat(context).doesNotHaveBean(BenchmarkStaticSummaryController.class));
    runner.withPropertyValues("lifeline.statuspage.benchmark-static=true")
        .run(context -> assertThat(context).hasSingleBean(BenchmarkStaticSummaryController.class));
  }

  @Test
  void servesAFixedCopyOfSummaryJsonOfTheSameSize() throws Exception {
    MockMvc mvc = MockMvcBuilders.standaloneSetup(new BenchmarkStaticSummaryController(documents))
        .setControllerAdvice(new PublicPageProblems()).build();
    assertThat(mvc.perform(get(BenchmarkStaticSummaryController.PATH)).andReturn().getResponse().getStatus()).isEqualTo(503);
    published.publish(PublicPageSnapshots.outage());
    byte[] summary = documents.current().orElseThrow().summary().body();

    MockHttpServletResponse first = mvc.perform(get(BenchmarkStaticSummaryController.PATH)).andReturn().getResponse();
    published.publish(emptied(PublicPageSnapshots.outage()));
    MockHttpServletResponse later = mvc.perform(get(BenchmarkStaticSummaryController.PATH)).andReturn().getResponse();

    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(first.getContentType()).isEqualTo("application/json");
    assertThat(first.getContentAsByteArray()).isEqualTo(summary);
    assertThat(later.getContentAsByteArray()).isEqualTo(summary);
  }

  private static PageSnapshot emptied(PageSnapshot snapshot) {
    return new PageSnapshot(snapshot.settings(), snapshot.version() + 1, snapshot.updatedAt(), List.of(),
        List.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
  }
}
