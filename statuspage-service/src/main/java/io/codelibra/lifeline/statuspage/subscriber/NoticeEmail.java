package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The notification e-mail of a notice: subject {@code [Page] Headline: name} and a plain-text body with the update,
 * the affected components, the schedule of a maintenance, the page link and the unsubscribe link.
 */
record NoticeEmail(String subject, String body) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

  static NoticeEmail of(SubscriberNotice notice, PageSnapshot page, URI pageUrl, URI unsubscribeUrl) {
    String pageName = page.settings().name();
    ZoneId zone = page.settings().timeZone() == null ? ZoneId.of("UTC") : page.settings().timeZone();
    StringBuilder body = new StringBuilder()
        .append(notice.headline()).append(": ").append(notice.name()).append("\n\n")
        .append(notice.body()).append("\n\n");
    List<String> components = notice.componentIds().stream()
        .map(id -> page.component(id).map(ComponentState::name).orElse(id))
        .toList();
    if (!components.isEmpty()) {
      body.append("Affected components: ").append(String.join(", ", components)).append('\n');
    }
    if (notice.scheduledFor() != null && notice.scheduledUntil() != null) {
      body.append("Scheduled: ").append(time(notice.scheduledFor(), zone)).append(" to ")
          .append(time(notice.scheduledUntil(), zone)).append('\n');
    }
    body.append("Posted: ").append(time(notice.updatedAt(), zone)).append("\n\n")
        .append("Status page: ").append(pageUrl).append("\n\n")
        .append("-- \n")
        .append("You get this e-mail because you subscribed to updates from ").append(pageName).append(".\n")
        .append("Unsubscribe: ").append(unsubscribeUrl).append('\n');
    return new NoticeEmail("[" + pageName + "] " + notice.headline() + ": " + notice.name(), body.toString());
  }

  private static String time(Instant at, ZoneId zone) {
    return TIME.format(at.atZone(zone));
  }
}
