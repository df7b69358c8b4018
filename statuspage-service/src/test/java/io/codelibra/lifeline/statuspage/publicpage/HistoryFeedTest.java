package io.codelibra.lifeline.statuspage.publicpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HistoryFeedTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  @Test
  void isAnAtomFeedWithTheRequiredElementsAndOneEntryPerIncidentNewestFirst() throws Exception {
    Document feed = parse(new HistoryFeed().render(PublicPageSnapshots.outage()));

    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(text(root, "id")).isEqualTo("https://status.example.test/history.atom");
    assertThat(text(root, "title")).isEqualTo("Lifeline status - incident history");
    assertThat(text(root, "updated")).isEqualTo("2026-11-20T14:55:00.000Z");
    NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
    assertThat(entries.getLength()).isEqualTo(2);
    Element first = (Element) entries.item(0);
    assertThat(text(first, "title")).isEqualTo("API unavailable");
    assertThat(text(first, "id")).isEqualTo("https://status.example.test/#incident-inc-open");
    assertThat(text(first, "published")).isEqualTo("2026-11-20T13:00:00.000Z");
    assertThat(text(first, "updated")).isEqualTo("2026-11-20T14:00:00.000Z");
    Element content = (Element) first.getElementsByTagNameNS(ATOM, "content").item(0);
    assertThat(content.getAttribute("type")).isEqualTo("html");
    assertThat(content.getTextContent())
        .startsWith("<p><small>Nov 20, 14:00 UTC</small><br><strong>Identified</strong> - A failed deploy &amp; a full disk")
        .contains("<strong>Investigating</strong> - We are investigating errors on the API. &lt;script&gt;alert(1)&lt;/script&gt;</p>");
  }

  @Test
  void userTextIsEscapedTwiceForHtmlContentAndCharactersXmlCannotCarryAreDropped() throws Exception {
    PageSnapshot outage = PublicPageSnapshots.outage();
    StatusIncidentState odd = new StatusIncidentState("odd", "Bell\u0007 & <b>bold</b>", StatusIncidentStatus.investigating,
        StatusIncidentImpact.minor, PublicPageSnapshots.NOW, PublicPageSnapshots.NOW, null, null, Map.of(),
        List.of(new PageUpdate("odd-1", "investigating", "]]> <script>x</script>", PublicPageSnapshots.NOW, List.of())), null, null, null);
    PageSnapshot snapshot = new PageSnapshot(outage.settings(), 8, outage.updatedAt(), outage.groups(), outage.components(),
        outage.histories(), List.of(odd), List.of(), List.of(), List.of());

    byte[] bytes = new HistoryFeed().render(snapshot);
    String raw = new String(bytes, StandardCharsets.UTF_8);
    Document feed = parse(bytes);

    assertThat(raw).doesNotContain("<script").doesNotContain("<b>");
    Element entry = (Element) feed.getElementsByTagNameNS(ATOM, "entry").item(0);
    assertThat(text(entry, "title")).isEqualTo("Bell & <b>bold</b>");
    assertThat(text(entry, "content")).contains("]]&gt; &lt;script&gt;x&lt;/script&gt;");
  }

  @Test
  void keepsTheTwentyFiveMostRecentIncidents() throws Exception {
    Document feed = parse(new HistoryFeed().render(PublicPageSnapshots.withResolvedIncidents(40)));

    assertThat(feed.getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(HistoryFeed.ENTRIES);
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static String text(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
        return element.getTextContent();
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
  }
}
