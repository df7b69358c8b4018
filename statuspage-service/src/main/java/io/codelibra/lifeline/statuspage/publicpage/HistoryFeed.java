package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.page.PageSettings;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The incident history as an Atom 1.0 feed, like Statuspage's {@code /history.atom}: the {@value #ENTRIES} most recent
 * incidents, newest first, each with its updates as escaped HTML. Written with StAX, so every text is XML-escaped;
 * characters XML cannot carry are dropped.
 */
public final class HistoryFeed {

  public static final int ENTRIES = 25;

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
  private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d, HH:mm z", Locale.ENGLISH);

  public byte[] render(PageSnapshot snapshot) {
    PageSettings settings = snapshot.settings();
    ApiTimestamps time = new ApiTimestamps(settings.timeZone());
    String pageUrl = settings.url().endsWith("/") ? settings.url().substring(0, settings.url().length() - 1) : settings.url();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
      element(xml, "id", pageUrl + "/history.atom");
      element(xml, "title", settings.name() + " status - incident history");
      element(xml, "updated", time.format(snapshot.updatedAt()));
      link(xml, "alternate", "text/html", pageUrl + "/");
      link(xml, "self", "application/atom+xml", pageUrl + "/history.atom");
      xml.writeStartElement(ATOM, "author");
      element(xml, "name", settings.name());
      xml.writeEndElement();
      for (StatusIncidentState incident : snapshot.incidents().stream().limit(ENTRIES).toList()) {
        String link = StatuspageJson.shortlink(settings, incident.id());
        xml.writeStartElement(ATOM, "entry");
        element(xml, "id", link);
        element(xml, "published", time.format(incident.createdAt()));
        element(xml, "updated", time.format(incident.updatedAt()));
        link(xml, "alternate", "text/html", link);
        element(xml, "title", incident.name());
        xml.writeStartElement(ATOM, "content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(clean(updatesHtml(snapshot, incident.updates())));
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the history feed", e);
    }
    return out.toByteArray();
  }

  /** Statuspage's entry content: per update, newest first, its time, its status in bold and its text. */
  private static String updatesHtml(PageSnapshot snapshot, List<PageUpdate> updates) {
    StringBuilder html = new StringBuilder();
    for (int i = updates.size() - 1; i >= 0; i--) {
      PageUpdate update = updates.get(i);
      html.append("<p><small>").append(escape(MOMENT.format(update.createdAt().atZone(snapshot.settings().timeZone()))))
          .append("</small><br><strong>").append(escape(StatusLabels.ofLifecycle(update.status())))
          .append("</strong> - ").append(escape(update.body())).append("</p>");
    }
    return html.toString();
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(ATOM, name);
    xml.writeCharacters(clean(text));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
    xml.writeEmptyElement(ATOM, "link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", clean(href));
  }

  private static String clean(String text) {
    return text == null ? "" : NOT_XML.matcher(text).replaceAll("");
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
