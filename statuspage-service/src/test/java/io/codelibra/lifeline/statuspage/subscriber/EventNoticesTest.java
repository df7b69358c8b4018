package io.codelibra.lifeline.statuspage.subscriber;

import static io.codelibra.lifeline.statuspage.subscriber.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.statuspage.subscriber.SubscriberNotice.Kind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventNoticesTest {

  @Test
  void anIncidentUpdateSaysItsStatusAndTextAndResolvesWithTheUpdate() {
    SubscriberNotice investigating = EventNotices.of(Pages.incidentUpdate().build(), page(List.of())).orElseThrow();
    SubscriberNotice resolved = EventNotices.of(Pages.incidentUpdate().setStatus(StatusIncidentStatus.resolved)
        .setOccurredAt(Instant.parse("2026-03-01T11:00:00Z")).build(), page(List.of())).orElseThrow();

    assertThat(investigating.kind()).isEqualTo(Kind.INCIDENT);
    assertThat(investigating.headline()).isEqualTo("Investigating");
    assertThat(investigating.body()).isEqualTo("We are investigating elevated error rates on the API.");
    assertThat(investigating.componentIds()).containsExactly("api");
    assertThat(investigating.resolvedAt()).isNull();
    assertThat(resolved.headline()).isEqualTo("Resolved");
    assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
  }

  @Test
  void aStartedMaintenanceTakesItsTitleAndTextFromThePage() {
    SubscriberNotice started = EventNotices.of(Pages.maintenanceStarted(),
        page(List.of(), Pages.startedWindow("Writes are paused while the database is upgraded."))).orElseThrow();

    assertThat(started.kind()).isEqualTo(Kind.MAINTENANCE);
    assertThat(started.name()).isEqualTo("Database upgrade");
    assertThat(started.status()).isEqualTo("in_progress");
    assertThat(started.headline()).isEqualTo("Maintenance in progress");
    assertThat(started.body()).isEqualTo("Writes are paused while the database is upgraded.");
    assertThat(started.updateId()).isEqualTo("mu-2");
    assertThat(started.scheduledUntil()).isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
  }

  @Test
  void aMaintenanceThePageDoesNotKnowYetGetsPlainWords() {
    SubscriberNotice started = EventNotices.of(Pages.maintenanceStarted(), page(List.of())).orElseThrow();

    assertThat(started.name()).isEqualTo("Scheduled maintenance");
    assertThat(started.body()).isEqualTo("The scheduled maintenance has begun.");
    assertThat(started.updateId()).isEqualTo("00000000-0000-4000-8000-000000000202");
  }

  @Test
  void aCancelledMaintenanceSaysSoWithTheOperatorsNote() {
    SubscriberNotice cancelled = EventNotices.of(Pages.maintenanceCancelled("Postponed to next week."),
        page(List.of(), Pages.startedWindow("started"))).orElseThrow();
    SubscriberNotice withoutNote = EventNotices.of(Pages.maintenanceCancelled(null), page(List.of())).orElseThrow();

    assertThat(cancelled.headline()).isEqualTo("Maintenance cancelled");
    assertThat(cancelled.status()).isEqualTo("completed");
    assertThat(cancelled.body()).isEqualTo("Postponed to next week.");
    assertThat(withoutNote.body()).isEqualTo("The scheduled maintenance has been cancelled.");
  }

  @Test
  void otherRecordsMakeNoNotice() {
    ComponentStatusChanged changed = ComponentStatusChanged.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(Instant.EPOCH).setSource("statuspage-service")
        .setComponentId("api").setComponentName("API").setStatus(ComponentStatus.major_outage).setReason("test")
        .build();

    assertThat(EventNotices.of(changed, page(List.of()))).isEmpty();
  }
}
