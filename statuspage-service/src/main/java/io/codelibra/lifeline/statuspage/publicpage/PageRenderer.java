package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders all public documents of a snapshot into bytes. The JSON documents and the feed depend only on the snapshot
 * (ETag {@code "<version>"}); the HTML page also on the day, for its uptime bars (ETag {@code "<version>-<date>"}).
 */
public final class PageRenderer {

  static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  static final MediaType ATOM = new MediaType(MediaType.APPLICATION_ATOM_XML, StandardCharsets.UTF_8);

  private final JsonMapper json = JsonMapper.builder().build();
  private final StatusPageHtml html = new StatusPageHtml();
  private final HistoryFeed feed = new HistoryFeed();

  public RenderedPage render(PageSnapshot snapshot, Instant now) {
    ZoneId zone = snapshot.settings().timeZone();
    LocalDate today = LocalDate.ofInstant(now, zone);
    String etag = "\"" + snapshot.version() + "\"";
    PublicApiDocuments api = new PublicApiDocuments(snapshot);
    return new RenderedPage(
        snapshot.version(),
        today.plusDays(1).atStartOfDay(zone).toInstant(),
        json(api.summary(), etag),
        json(api.status(), etag),
        json(api.components(), etag),
        json(api.incidents(), etag),
        json(api.unresolvedIncidents(), etag),
        json(api.scheduledMaintenances(), etag),
        json(api.upcomingMaintenances(), etag),
        json(api.activeMaintenances(), etag),
        new PublicDocument(html.render(StatusPageView.of(snapshot, now)), HTML, "\"" + snapshot.version() + "-" + today + "\""),
        new PublicDocument(feed.render(snapshot), ATOM, etag));
  }

  private PublicDocument json(JsonNode document, String etag) {
    return new PublicDocument(json.writeValueAsBytes(document), MediaType.APPLICATION_JSON, etag);
  }
}
