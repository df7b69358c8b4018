package io.codelibra.lifeline.statuspage.admin;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.runtime.http.FromHeader;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.statuspage.page.PageEvents;
import io.codelibra.lifeline.statuspage.page.PageNotRestoredException;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a change to the page's writer through {@code status.commands} (which is also the audit log) and
 * returns once the broker acknowledged it; the writer applies it moments later.
 */
public class StatusPageCommands {

  private final AcknowledgedPublisher publisher;
  private final PublishedPage published;
  private final Clock clock;

  public StatusPageCommands(AcknowledgedPublisher publisher, PublishedPage published, Clock clock) {
    this.publisher = publisher;
    this.published = published;
    this.clock = clock;
  }

  /** The current page, for checks before a change is sent. */
  public PageSnapshot page() {
    return published.current().orElseThrow(PageNotRestoredException::new);
  }

  /** An administrator named by the request's {@code From} header (required: every change is audited to a person). */
  public static Actor operator(String from) {
    return FromHeader.person(from).orElseThrow(() -> AdminRequestException.invalid(
        "the From header must name the person making the change (e.g. their e-mail address)"));
  }

  public Map<String, Object> send(Actor actor, Object change, String target) {
    StatusPageChangeRequested request = StatusPageChangeRequested.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).setSource(PageEvents.SOURCE)
        .setActor(actor).setChange(change).build();
    publisher.publish(Topics.STATUS_COMMANDS.name(), page().settings().id(), request);
    return Map.of("requestId", request.getEventId().toString(), "target", target, "status", "accepted");
  }
}
