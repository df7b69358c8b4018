package io.codelibra.lifeline.statuspage.publicpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatusPageHtmlTest {

  private final StatusPageHtml renderer = new StatusPageHtml();
  private final String html = new String(renderer.render(StatusPageView.of(PublicPageSnapshots.outage(), PublicPageSnapshots.NOW)),
      StandardCharsets.UTF_8);

  @Test
  void userTextIsEscapedAndThePageHasNoScriptAtAll() {
    assertThat(html).contains("We are investigating errors on the API. &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("Website &amp; &lt;b&gt;docs&lt;/b&gt;");
    assertThat(html).contains("A failed deploy &amp; a full disk: rolling back.");
    assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<b>docs");
  }

  @Test
  void isAnAccessibleDocumentWithLanguageLandmarksAndOneTopHeading() {
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">").contains("<main id=\"main\">")
        .contains("<header class=\"site\">").contains("<footer class=\"site\">").contains("href=\"#main\"");
    assertThat(count(html, "<h1>")).isEqualTo(1);
    assertThat(html).contains("<h1>Lifeline status</h1>");
    assertThat(html).doesNotContain("https://cdn").doesNotContain("<link rel=\"stylesheet\"");
  }

  @Test
  void theBannerSaysTheOverallStatusInWords() {
    assertThat(html).contains("<section class=\"overall overall-critical\" aria-labelledby=\"overall-status\">")
        .contains("<h2 id=\"overall-status\">Major System Outage</h2>");
  }

  @Test
  void everyComponentShowsItsStatusAsTextAndLabelledUptimeBars() {
    assertThat(html).contains("<span class=\"status status-major_outage\">Major Outage</span>")
        .contains("<span class=\"status status-under_maintenance\">Under Maintenance</span>");
    assertThat(html).containsPattern("<ol class=\"bars\" aria-label=\"API: uptime over the last 90 days, 99\\.\\d+ % uptime\">");
    assertThat(html).contains("<li class=\"bar-major_outage\" title=\"2026-11-20: 86.66 % uptime, 120 min major outage\">"
        + "<span class=\"visually-hidden\">2026-11-20: 86.66 % uptime, 120 min major outage</span></li>");
    assertThat(html).contains("title=\"2026-11-17: 99.16 % uptime, 12 min major outage\"");
    assertThat(html).contains("<span class=\"visually-hidden\">2026-11-09: no data</span>");
    assertThat(count(html, "<li class=\"bar-")).isEqualTo(3 * 90);
  }

  @Test
  void groupsShowTheirMembersAndAHiddenUntilDegradedComponentStaysHidden() {
    assertThat(html).contains("<h3>Platform</h3>").contains("<h4>API</h4>").contains("<h3>Notifications</h3>");
    assertThat(html).doesNotContain("Search");
  }

  @Test
  void showsActiveIncidentsMaintenanceAndTheLastFourteenDaysOfHistory() {
    assertThat(html).contains("<h2 id=\"active-incidents\">Active incidents</h2>")
        .contains("<h3 id=\"incident-inc-open-name\">API unavailable</h3>");
    assertThat(html).contains("<h2 id=\"active-maintenance\">Maintenance in progress</h2>").contains("Notification queue upgrade");
    assertThat(html).contains("<h2 id=\"upcoming-maintenance\">Scheduled maintenance</h2>").contains("Network maintenance")
        .contains("Routine network work, no interruption expected.");
    assertThat(count(html, "<div class=\"day\">")).isEqualTo(StatusPageView.HISTORY_DAYS);
    assertThat(html).contains("<time datetime=\"2026-11-17\">Nov 17, 2026</time>")
        .contains("<h4 id=\"incident-inc-old-name\">Slow API responses</h4>").contains("No incidents reported.");
    assertThat(html).contains("<a href=\"history.atom\">");
  }

  @Test
  void everyIdIsUniqueAndEveryIncidentHasTheAnchorItsShortlinkPointsTo() {
    List<String> ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html).results().map(match -> match.group(1)).toList();

    assertThat(ids).doesNotHaveDuplicates().contains("incident-inc-open", "incident-inc-old", "incident-mnt-active",
        "incident-mnt-upcoming", "history-incident-inc-open");
  }

  @Test
  void aQuietPageSaysAllSystemsOperationalAndHasNoIncidentSections() {
    String quiet = new String(renderer.render(StatusPageView.of(PublicPageSnapshots.allOperational(), PublicPageSnapshots.NOW)),
        StandardCharsets.UTF_8);

    assertThat(quiet).contains("overall-none").contains("All Systems Operational").contains("No incidents reported today.");
    assertThat(quiet).doesNotContain("Active incidents").doesNotContain("Maintenance in progress");
  }

  private static int count(String text, String part) {
    return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
  }
}
