package io.codelibra.lifeline.recovery.postmortem;

import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.FINGERPRINT;
import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.INCIDENT;
import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.StepOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostmortemDraftTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static String draft(IncidentTimeline timeline) {
    return PostmortemDraft.render(timeline.evidence(INCIDENT).orElseThrow(), NOW);
  }

  private static IncidentTimeline regionOutage() {
    IncidentTimeline timeline = new IncidentTimeline();
    timeline.accept(IncidentStory.unhealthy(0, PAIR));
    timeline.accept(IncidentStory.alert(0, FINGERPRINT));
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    timeline.accept(IncidentStory.failoverRequested(2, PAIR, INCIDENT));
    timeline.accept(IncidentStory.failoverCompleted(4, StepOutcome.succeeded));
    timeline.accept(IncidentStory.acknowledged(5));
    timeline.accept(IncidentStory.status(6, "We are investigating"));
    timeline.accept(IncidentStory.runStarted(10, "run-1", INCIDENT));
    timeline.accept(IncidentStory.step(15, "run-1", 0, "restore", StepOutcome.succeeded, null));
    timeline.accept(IncidentStory.step(19, "run-1", 1, "verify", StepOutcome.failed, "HTTP 503"));
    timeline.accept(IncidentStory.runCompleted(20, "run-1", 20, 30L));
    timeline.accept(IncidentStory.restored(80, 75));
    timeline.accept(IncidentStory.alertResolved(84, FINGERPRINT));
    timeline.accept(IncidentStory.resolved(85));
    return timeline;
  }

  @Test
  void hasTheDrPlansPostIncidentSections() {
    String markdown = draft(regionOutage());

    assertThat(markdown).startsWith("# Post-incident review: us-east-1 unhealthy\n");
    List<String> headings = markdown.lines().filter(line -> line.startsWith("#")).toList();
    assertThat(headings).containsSubsequence("## Summary", "## Impact", "## Timeline", "## Failover",
        "## Recovery runs", "## Root cause", "## What went well", "## What went wrong", "## Action items",
        "## Post-incident procedures");
    assertThat(markdown).contains("### Immediate Actions (0-4 hours)", "- [x] Document timeline of events",
        "- [ ] Preserve logs and metrics", "- [x] Notify stakeholders", "- [ ] Begin root cause analysis",
        "### Follow-up Actions (24-72 hours)", "- [ ] Complete RCA document", "- [ ] Conduct team debrief",
        "### Long-term Actions (1-2 weeks)", "- [ ] Test failover procedures", "- [ ] Update documentation");
  }

  @Test
  void summaryAndImpactGiveTimesAndTheOutage() {
    String markdown = draft(regionOutage());

    assertThat(markdown).contains("| Severity | SEV1 (high urgency) |", "| Opened | 2026-03-01 10:01:00 UTC |",
        "time to acknowledge 4m 00s", "time to resolve 1h 24m", "| Region pair | `us-east-1/us-west-2` |");
    assertThat(markdown).contains("- Status page: \"API outage in US East\", impact **major**, components `api`, `web`");
    assertThat(markdown).contains("- Region outage: `us-east-1` (primary) was down 1h 15m");
  }

  @Test
  void timelineIsOneRowPerEventInTimeOrder() {
    String markdown = draft(regionOutage());

    List<String> rows = markdown.lines().filter(line -> line.startsWith("| 2026-")).toList();
    assertThat(rows).hasSize(14);
    assertThat(rows.getFirst()).startsWith("| 2026-03-01 10:00:00 | failover-service | ");
    assertThat(rows.getLast()).contains("| IncidentResolved | resolved by Alice (manual) after 1h 24m: failed back");
  }

  @Test
  void recoveryRunShowsStepsAndObjectivesAchieved() {
    String markdown = draft(regionOutage());

    assertThat(markdown).contains("### `rds-restore-from-snapshot` \"Restore RDS from the latest snapshot\" (tier 3), run `run-1`",
        "- RTO achieved 20m 00s vs objective 4h 00m: met", "- RPO achieved 30m 00s vs objective 1h 00m: met",
        "| 2 | `verify` | `rds.restore-db-instance-from-snapshot` | 2026-03-01 10:18:00 | 1m 00s | 1 | failed | HTTP 503 |");
    assertThat(markdown).contains("met its objectives (RTO 20m 00s of 4h 00m, RPO 30m 00s of 1h 00m)");
    assertThat(markdown).contains("Fix or harden step `verify`");
  }

  @Test
  void missedObjectivesAndLateAcknowledgementBecomeWhatWentWrongAndActionItems() {
    IncidentTimeline timeline = new IncidentTimeline();
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    timeline.accept(IncidentStory.escalated(16, 2));
    timeline.accept(IncidentStory.acknowledged(31));
    timeline.accept(IncidentStory.runStarted(40, "run-9", INCIDENT));
    timeline.accept(IncidentStory.runCompleted(300, "run-9", 300, 90L));

    String markdown = draft(timeline);

    assertThat(markdown).contains("- RTO achieved 5h 00m vs objective 4h 00m: **missed**",
        "- RPO achieved 1h 30m vs objective 1h 00m: **missed**",
        "Acknowledged only after 30m 00s, beyond the primary on-call's 15m 00s window.",
        "escalated beyond the first level", "No status page update was posted", "| Resolved | not resolved yet |");
    assertThat(markdown).contains("Bring `rds-restore-from-snapshot` within its RTO",
        "Review paging and on-call response", "- [ ] Notify stakeholders");
  }

  @Test
  void textFromEventsCannotBreakTheTableOrHeadings() {
    IncidentTimeline timeline = new IncidentTimeline();
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    timeline.accept(IncidentStory.status(6, "line one\n## injected heading | with pipe\r\n<!-- hide the rest"));

    String markdown = draft(timeline);

    assertThat(markdown.lines()).noneMatch(line -> line.startsWith("## injected"));
    assertThat(markdown).contains("line one ## injected heading \\| with pipe &lt;!-- hide the rest |");
    assertThat(markdown).doesNotContain("<!--");
  }
}
