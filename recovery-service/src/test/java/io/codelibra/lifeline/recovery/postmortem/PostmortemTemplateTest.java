package io.codelibra.lifeline.recovery.postmortem;

import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.FINGERPRINT;
import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.INCIDENT;
import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.recovery.postmortem.PostmortemView.TimelineRow;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The Mustache layout of the draft: optional sections, and values that cannot break the Markdown. */
class PostmortemTemplateTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static String draft(SpecificRecord... events) {
    return PostmortemDraft.render(new IncidentEvidence(INCIDENT, List.of(events)), NOW);
  }

  @Test
  void leavesOutWhatTheEventsDoNotTell() {
    String markdown = draft(IncidentStory.acknowledged(5));

    assertThat(markdown).startsWith("# Post-incident review: inc-42\n");
    assertThat(markdown).doesNotContain("| Service |", "## Failover", "- [x] Notify stakeholders");
    assertThat(markdown).contains("| Incident | `inc-42` |\n| Acknowledged | 2026-03-01 10:05:00 UTC by Alice "
        + "(time to acknowledge 4m 00s) |\n| Resolved | not resolved yet |\n| Escalations | none |\n| Alerts | 0 raised |\n\n");
    assertThat(markdown).contains("- Status page: no status incident was posted.\n- Customers and data affected: _TODO_\n");
    assertThat(markdown).contains("Objectives (DR plan): RTO 4h 00m, RPO 1h 00m, MTTR 2h 00m.\n\n"
        + "No runbook ran for this incident.\n\n## Root cause\n");
    assertThat(markdown).contains("| 1 | _TODO_: preventive measure from the root cause | Identify preventive measures "
        + "| _TODO_ | 2026-03-04 |\n| 2 | _TODO_: monitoring or alerting change");
    assertThat(markdown).endsWith("- [ ] Update documentation\n").doesNotContain("\n\n\n");
  }

  @Test
  void failoverAndRunWithoutCompletionAreCalledOut() {
    String markdown = draft(IncidentStory.opened(1, INCIDENT, FINGERPRINT),
        IncidentStory.failoverRequested(2, PAIR, INCIDENT), IncidentStory.runStarted(10, "run-1", INCIDENT));

    assertThat(markdown).contains("## Failover\n\n### failover us-east-1 -> us-west-2 (automatic), run `fo-1`\n\n"
        + "- Requested 2026-03-01 10:02:00 UTC by escalation-service: us-east-1 unhealthy for 3 x 10 s\n"
        + "- No completion recorded.\n\n## Recovery runs\n");
    assertThat(markdown).contains("### `rds-restore-from-snapshot` \"Restore RDS from the latest snapshot\" (tier 3), "
        + "run `run-1`\n\n- Started 2026-03-01 10:10:00 UTC by escalation-service on `rds:us-west-2:vibe-prod`\n"
        + "- No completion recorded yet.\n\n## Root cause\n");
    assertThat(markdown).contains("- Failover run `fo-1` has no recorded completion.",
        "- Run `run-1` of `rds-restore-from-snapshot` has no recorded completion.");
  }

  @Test
  void keepsEveryValueOnOneLineEvenIfTheViewLeftItRaw() {
    PostmortemView view = PostmortemDraft.view(new IncidentEvidence(INCIDENT, List.of()), NOW);
    PostmortemView raw = new PostmortemView("two\nlines <!-- hidden", view.generatedAt(), view.summary(), view.impact(),
        List.of(new TimelineRow("2026-03-01 10:00:00", "src", "Event", "a\r\n## heading")), view.failover(),
        view.recovery(), List.of("went\nwell"), view.wentWrong(), view.actionItems(), view.procedures());

    String markdown = PostmortemDraft.render(raw);

    assertThat(markdown).startsWith("# Post-incident review: two lines &lt;!-- hidden\n");
    assertThat(markdown).contains("| 2026-03-01 10:00:00 | src | Event | a ## heading |\n", "- went well\n");
    assertThat(markdown.lines()).noneMatch(line -> line.startsWith("## heading") || line.equals("well"));
  }
}
