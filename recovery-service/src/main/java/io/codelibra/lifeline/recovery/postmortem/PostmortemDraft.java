package io.codelibra.lifeline.recovery.postmortem;

import static io.codelibra.lifeline.recovery.postmortem.EventFields.actor;
import static io.codelibra.lifeline.recovery.postmortem.EventFields.human;
import static io.codelibra.lifeline.recovery.postmortem.MarkdownText.cell;
import static io.codelibra.lifeline.recovery.postmortem.MarkdownText.code;
import static io.codelibra.lifeline.recovery.postmortem.MarkdownText.codeCell;
import static io.codelibra.lifeline.recovery.postmortem.MarkdownText.inline;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.events.TimedStep;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.ActionItem;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.ActionItems;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.FailoverCompletion;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.FailoverRequest;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.FailoverRun;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.FailoverStep;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.Impact;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.Procedures;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.Recovery;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.RecoveryRun;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.RestoredRegion;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.RunCompletion;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.RunStart;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.RunStep;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.StatusIncident;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.Summary;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.TimelineRow;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.Traffic;
import io.codelibra.lifeline.recovery.postmortem.PostmortemView.UnhealthyRegion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Markdown post-incident review draft, in the DR plan's words: summary, impact, timeline of events, failover and
 * recovery steps with RTO/RPO achieved against the objectives, a root cause to fill in, what went well and what went
 * wrong (hints derived from the events), action items, and the plan's post-incident procedures (immediate 0-4 h,
 * follow-up 24-72 h, long-term 1-2 weeks) as a checklist. Pure: the same evidence and time give the same text.
 *
 * <p>This class derives a {@link PostmortemView} from the events; {@code postmortem/postmortem.md.mustache} lays it
 * out. Text from the events is neutralised by {@link MarkdownText}, never Markdown-escaped, so the draft stays editable.
 */
public final class PostmortemDraft {

  /** The DR plan's recovery objectives, used when no run of the incident states its own. */
  public static final Duration PLAN_RTO = Duration.ofHours(4);
  public static final Duration PLAN_RPO = Duration.ofHours(1);
  public static final Duration PLAN_MTTR = Duration.ofHours(2);
  /** The RFC escalation policy's first level: the primary on-call has 15 minutes before the secondary is paged. */
  public static final Duration ACKNOWLEDGE_TARGET = Duration.ofMinutes(15);

  static final String TEMPLATE_RESOURCE = "postmortem/postmortem.md.mustache";

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final Duration FOLLOW_UP = Duration.ofHours(72);
  private static final Duration LONG_TERM = Duration.ofDays(14);

  // No HTML escaping: this is Markdown. The view already neutralised each value for its place; the escaper is the
  // backstop that keeps any value on one line and unable to open an HTML comment (MarkdownText.inline is idempotent).
  private static final Template TEMPLATE = Mustache.compiler().withEscaper(MarkdownText::inline)
      .compile(loadTemplate());

  private final IncidentEvidence evidence;
  private final Instant generatedAt;
  private final List<String> wentWell = new ArrayList<>();
  private final List<String> wentWrong = new ArrayList<>();
  private final List<String[]> actions = new ArrayList<>();

  private PostmortemDraft(IncidentEvidence evidence, Instant generatedAt) {
    this.evidence = evidence;
    this.generatedAt = generatedAt;
  }

  /** The draft for the incident as its events stand at {@code generatedAt}. */
  public static String render(IncidentEvidence evidence, Instant generatedAt) {
    return render(view(evidence, generatedAt));
  }

  /** The template executed over a view. */
  static String render(PostmortemView view) {
    return TEMPLATE.execute(view);
  }

  /** What the template shows for the incident as its events stand at {@code generatedAt}. */
  static PostmortemView view(IncidentEvidence evidence, Instant generatedAt) {
    return new PostmortemDraft(evidence, generatedAt).view();
  }

  private PostmortemView view() {
    // The sections are derived in document order: each adds its hints to what went well or wrong and to the actions.
    String title = inline(evidence.opened().map(IncidentOpened::getTitle).orElse(evidence.incidentId()));
    Summary summary = summary();
    Impact impact = impact();
    List<TimelineRow> timeline = evidence.timeline().stream()
        .map(e -> new TimelineRow(utc(e.at()), cell(e.source()), cell(e.event()), cell(e.detail()))).toList();
    List<FailoverRun> failoverRuns = failoverRuns();
    Recovery recovery = new Recovery(human(PLAN_RTO), human(PLAN_RPO), human(PLAN_MTTR), recoveryRuns());
    return new PostmortemView(title, utc(generatedAt), summary, impact, timeline,
        failoverRuns.isEmpty() ? null : new PostmortemView.Failover(failoverRuns), recovery, List.copyOf(wentWell),
        List.copyOf(wentWrong), actionItems(), procedures());
  }

  private Summary summary() {
    Optional<IncidentOpened> opened = evidence.opened();
    Optional<IncidentAcknowledged> acknowledged = evidence.acknowledged();
    Optional<IncidentResolved> resolved = evidence.resolved();
    List<IncidentEscalated> escalations = evidence.all(IncidentEscalated.class);
    Optional<Duration> toAcknowledge = timeToAcknowledge(opened, acknowledged);
    Optional<Duration> toResolve = timeToResolve(opened, resolved);

    toAcknowledge.ifPresentOrElse(d -> {
      if (d.compareTo(ACKNOWLEDGE_TARGET) <= 0) {
        wentWell.add("Acknowledged within " + human(d) + ", inside the primary on-call's " + human(ACKNOWLEDGE_TARGET)
            + " window.");
      } else {
        wentWrong.add("Acknowledged only after " + human(d) + ", beyond the primary on-call's "
            + human(ACKNOWLEDGE_TARGET) + " window.");
        action("Review paging and on-call response: acknowledged after " + human(d), "Identify preventive measures");
      }
    }, () -> {
      if (opened.isPresent() && !opened.get().getSuppressed()) {
        wentWrong.add("Nobody acknowledged the incident.");
      }
    });
    if (escalations.stream().anyMatch(e -> e.getLevel() > 1)) {
      wentWrong.add("The incident escalated beyond the first level (" + escalations.size() + " escalation(s)).");
    }
    toResolve.ifPresent(d -> {
      if (d.compareTo(PLAN_MTTR) <= 0) {
        wentWell.add("Resolved in " + human(d) + ", within the DR plan's MTTR of " + human(PLAN_MTTR) + ".");
      } else if (d.compareTo(PLAN_RTO) <= 0) {
        wentWrong.add("Resolved in " + human(d) + ": beyond the MTTR of " + human(PLAN_MTTR) + ", within the RTO of "
            + human(PLAN_RTO) + ".");
      } else {
        wentWrong.add("Resolved in " + human(d) + ": beyond the DR plan's RTO of " + human(PLAN_RTO) + ".");
        action("Time to resolve " + human(d) + " exceeded the RTO of " + human(PLAN_RTO), "Identify preventive measures");
      }
    });

    return new Summary(codeCell(evidence.incidentId()),
        opened.map(o -> new PostmortemView.Opened(cell(o.getService()), o.getSeverity().toString(),
            o.getUrgency().toString(), o.getEscalationPolicy() == null ? null : cell(o.getEscalationPolicy()),
            utc(o.getOccurredAt()), o.getLabels().get("region_pair") == null ? null
                : codeCell(o.getLabels().get("region_pair")))).orElse(null),
        acknowledged.map(a -> new PostmortemView.Acknowledged(utc(a.getOccurredAt()), cell(actor(a.getActor())),
            toAcknowledge.map(EventFields::human).orElse(null))).orElse(null),
        resolved.map(r -> new PostmortemView.Resolved(utc(r.getOccurredAt()), cell(actor(r.getActor())),
            r.getReason().toString(), toResolve.map(EventFields::human).orElse(null), r.getAlertCount())).orElse(null),
        escalations.isEmpty() ? null : new PostmortemView.Escalations(escalations.size(),
            escalations.stream().mapToInt(IncidentEscalated::getLevel).max().orElse(0)),
        evidence.all(AlertRaised.class).size());
  }

  private Impact impact() {
    List<StatusIncidentUpdated> updates = evidence.all(StatusIncidentUpdated.class);
    Map<String, StatusIncidentUpdated> latestByStatusIncident = new LinkedHashMap<>();
    updates.forEach(u -> latestByStatusIncident.put(u.getIncidentId(), u));
    List<StatusIncident> statusIncidents = new ArrayList<>();
    for (StatusIncidentUpdated u : latestByStatusIncident.values()) {
      Set<String> components = new LinkedHashSet<>();
      updates.stream().filter(x -> x.getIncidentId().equals(u.getIncidentId()))
          .forEach(x -> components.addAll(x.getComponentIds()));
      statusIncidents.add(new StatusIncident(inline(u.getName()), u.getImpact().toString(),
          components.isEmpty() ? null : String.join(", ", components.stream().map(MarkdownText::code).toList()),
          u.getStatus().toString(), utc(u.getOccurredAt())));
    }
    evidence.opened().flatMap(o -> updates.stream().findFirst().map(u -> Duration.between(o.getOccurredAt(),
        u.getOccurredAt()))).ifPresent(d -> wentWell.add("Customers were told on the status page " + human(d)
            + " after the incident opened."));
    if (updates.isEmpty() && evidence.opened().isPresent()) {
      wentWrong.add("No status page update was posted for this incident.");
    }

    List<RegionRestored> restored = evidence.all(RegionRestored.class);
    List<RestoredRegion> restoredRegions = restored.stream().map(r -> new RestoredRegion(code(r.getRegion()),
        r.getRole().toString(), r.getDowntimeMs() == null ? null : human(r.getDowntimeMs()),
        r.getUnhealthySince() == null ? null : utc(r.getUnhealthySince()), utc(r.getHealthySince()))).toList();
    List<UnhealthyRegion> unhealthyRegions = evidence.all(RegionHealthChanged.class).stream()
        .filter(h -> h.getHealth() == RegionHealth.unhealthy)
        .filter(h -> restored.stream().noneMatch(r -> r.getRegion().equals(h.getRegion())))
        .map(h -> new UnhealthyRegion(code(h.getRegion()), h.getRole().toString(), utc(h.getOccurredAt()))).toList();
    List<Traffic> traffic = evidence.all(FailoverCompleted.class).stream().filter(f -> !f.getDryRun())
        .map(f -> new Traffic(f.getDirection().toString(), code(f.getFromRegion()), code(f.getToRegion()),
            f.getOutcome().toString(), code(f.getActiveRegion()))).toList();
    return new Impact(statusIncidents, restoredRegions, unhealthyRegions, traffic);
  }

  private List<FailoverRun> failoverRuns() {
    List<FailoverRequested> requests = evidence.all(FailoverRequested.class);
    List<FailoverCompleted> completions = evidence.all(FailoverCompleted.class);
    Set<String> ids = new LinkedHashSet<>();
    requests.forEach(r -> ids.add(r.getFailoverId()));
    completions.forEach(c -> ids.add(c.getFailoverId()));
    List<FailoverRun> runs = new ArrayList<>();
    for (String id : ids) {
      Optional<FailoverRequested> request = requests.stream().filter(r -> r.getFailoverId().equals(id)).findFirst();
      Optional<FailoverCompleted> completion = completions.stream().filter(c -> c.getFailoverId().equals(id))
          .reduce((a, b) -> b);
      String direction = request.map(r -> r.getDirection() + " " + r.getFromRegion() + " -> " + r.getToRegion() + " ("
          + r.getTrigger() + ")").orElseGet(() -> completion.map(c -> c.getDirection() + " " + c.getFromRegion() + " -> "
          + c.getToRegion() + " (" + c.getTrigger() + ")").orElse(""));
      FailoverRequest requested = request.map(r -> new FailoverRequest(utc(r.getOccurredAt()),
          inline(actor(r.getRequestedBy())), r.getDryRun(), inline(r.getReason()))).orElse(null);
      runs.add(new FailoverRun(inline(direction), code(id), requested, completion.map(c -> completed(id, c))
          .orElse(null)));
      if (completion.isEmpty()) {
        wentWrong.add("Failover run " + code(id) + " has no recorded completion.");
      }
    }
    return runs;
  }

  private FailoverCompletion completed(String id, FailoverCompleted c) {
    String what = c.getDirection() + " " + code(id);
    if (c.getOutcome() == RunOutcome.succeeded) {
      wentWell.add(capitalised(what) + " succeeded in " + human(c.getDurationMs()) + ".");
    } else {
      wentWrong.add(capitalised(what) + " ended " + c.getOutcome() + (c.getError() == null ? "" : ": "
          + inline(c.getError())) + ".");
      action("Find why " + what + " ended " + c.getOutcome(), "Test failover procedures");
    }
    for (TimedStep step : c.getSteps()) {
      if (failed(step.getOutcome())) {
        action("Fix failover step " + code(step.getName()) + " (" + step.getOutcome() + (step.getDetail() == null
            ? "" : ": " + inline(step.getDetail())) + ")", "Update runbooks");
      }
    }
    List<FailoverStep> steps = c.getSteps().stream().map(s -> new FailoverStep(codeCell(s.getName()),
        utc(s.getStartedAt()), human(Duration.between(s.getStartedAt(), s.getEndedAt())), s.getOutcome().toString(),
        cell(s.getDetail()))).toList();
    return new FailoverCompletion(c.getOutcome().toString(), human(c.getDurationMs()), utc(c.getStartedAt()),
        code(c.getActiveRegion()),
        c.getDetectedAt() == null ? null : human(Duration.between(c.getDetectedAt(), c.getOccurredAt())),
        c.getError() == null ? null : inline(c.getError()), steps);
  }

  private List<RecoveryRun> recoveryRuns() {
    List<RecoveryStarted> starts = evidence.all(RecoveryStarted.class);
    List<RecoveryStepCompleted> steps = evidence.all(RecoveryStepCompleted.class);
    List<RecoveryCompleted> completions = evidence.all(RecoveryCompleted.class);
    Set<String> runIds = new LinkedHashSet<>();
    starts.forEach(s -> runIds.add(s.getRunId()));
    steps.forEach(s -> runIds.add(s.getRunId()));
    completions.forEach(c -> runIds.add(c.getRunId()));
    List<RecoveryRun> runs = new ArrayList<>();
    for (String runId : runIds) {
      Optional<RecoveryStarted> start = starts.stream().filter(s -> s.getRunId().equals(runId)).findFirst();
      Optional<RecoveryCompleted> completion = completions.stream().filter(c -> c.getRunId().equals(runId))
          .reduce((a, b) -> b);
      String runbook = start.map(RecoveryStarted::getRunbookId)
          .or(() -> completion.map(RecoveryCompleted::getRunbookId)).orElse("unknown runbook");
      RunStart started = start.map(s -> new RunStart(inline(s.getTitle()), s.getTier(), utc(s.getOccurredAt()),
          inline(actor(s.getStartedBy())), code(s.getTargetResource()), s.getDryRun())).orElse(null);
      RunCompletion completed = completion.map(c -> completed(runId, runbook, c)).orElse(null);
      if (completion.isEmpty()) {
        wentWrong.add("Run " + code(runId) + " of " + code(runbook) + " has no recorded completion.");
      }
      List<RunStep> runSteps = steps.stream().filter(s -> s.getRunId().equals(runId))
          .map(s -> step(runbook, s)).toList();
      runs.add(new RecoveryRun(code(runbook), code(runId), started, completed, runSteps));
    }
    return runs;
  }

  private RunCompletion completed(String runId, String runbook, RecoveryCompleted c) {
    long rto = c.getObjectives().getRtoMs();
    long rpo = c.getObjectives().getRpoMs();
    boolean rtoMet = c.getRtoAchievedMs() <= rto;
    Boolean rpoMet = c.getRpoAchievedMs() == null ? null : c.getRpoAchievedMs() <= rpo;
    String run = "Run " + code(runId) + " of " + code(runbook);
    if (c.getObjectivesMet()) {
      wentWell.add(run + " met its objectives (RTO " + human(c.getRtoAchievedMs()) + " of " + human(rto)
          + (c.getRpoAchievedMs() == null ? "" : ", RPO " + human(c.getRpoAchievedMs()) + " of " + human(rpo)) + ").");
    }
    if (!rtoMet) {
      wentWrong.add(run + " missed the RTO: " + human(c.getRtoAchievedMs()) + " against " + human(rto) + ".");
      action("Bring " + code(runbook) + " within its RTO (achieved " + human(c.getRtoAchievedMs()) + ", objective "
          + human(rto) + ")", "Identify preventive measures");
    }
    if (Boolean.FALSE.equals(rpoMet)) {
      wentWrong.add(run + " missed the RPO: " + human(c.getRpoAchievedMs()) + " of data against " + human(rpo) + ".");
      action("Bring backups of " + code(c.getTargetResource()) + " within the RPO (achieved "
          + human(c.getRpoAchievedMs()) + ", objective " + human(rpo) + ")", "Implement preventive measures");
    }
    if (c.getOutcome() != RunOutcome.succeeded && c.getObjectivesMet()) {
      wentWrong.add(run + " ended " + c.getOutcome() + ".");
    }
    return new RunCompletion(c.getOutcome().toString(), human(c.getDurationMs()),
        c.getFailedStep() == null ? null : code(c.getFailedStep()), c.getError() == null ? null : inline(c.getError()),
        human(c.getRtoAchievedMs()), human(rto), rtoMet,
        c.getRpoAchievedMs() == null ? null : human(c.getRpoAchievedMs()), human(rpo), Boolean.TRUE.equals(rpoMet));
  }

  private RunStep step(String runbook, RecoveryStepCompleted s) {
    if (failed(s.getOutcome())) {
      wentWrong.add("Step " + code(s.getStepName()) + " of " + code(runbook) + " " + s.getOutcome()
          + (s.getError() == null ? "" : ": " + inline(s.getError())) + ".");
      action("Fix or harden step " + code(s.getStepName()) + " (" + code(s.getAction()) + ") of runbook "
          + code(runbook), "Update runbooks");
    } else if (s.getAttempts() > 1 && s.getOutcome() == StepOutcome.succeeded) {
      wentWrong.add("Step " + code(s.getStepName()) + " of " + code(runbook) + " needed " + s.getAttempts()
          + " attempts.");
    }
    return new RunStep(s.getStepIndex() + 1, codeCell(s.getStepName()), codeCell(s.getAction()), utc(s.getStartedAt()),
        human(s.getDurationMs()), s.getAttempts(), s.getOutcome().toString(), cell(s.getError()));
  }

  private ActionItems actionItems() {
    Instant base = dueBase();
    String followUpDue = UTC_DATE.format(base.plus(FOLLOW_UP));
    List<ActionItem> derived = new ArrayList<>();
    for (String[] a : actions) {
      derived.add(new ActionItem(derived.size() + 1, a[0].replace("|", "\\|"), a[1], followUpDue));
    }
    return new ActionItems(derived, derived.size() + 1, derived.size() + 2, followUpDue,
        UTC_DATE.format(base.plus(LONG_TERM)));
  }

  private Procedures procedures() {
    Instant base = dueBase();
    int statusUpdates = evidence.all(StatusIncidentUpdated.class).size();
    return new Procedures(utc(base), utc(base.plus(Duration.ofHours(4))), utc(base.plus(FOLLOW_UP)),
        utc(base.plus(LONG_TERM)), statusUpdates > 0, statusUpdates);
  }

  /** Due dates count from the resolution, or from now while the incident is unresolved. */
  private Instant dueBase() {
    return evidence.resolved().map(IncidentResolved::getOccurredAt).orElse(generatedAt);
  }

  private static Optional<Duration> timeToAcknowledge(Optional<IncidentOpened> opened,
      Optional<IncidentAcknowledged> acknowledged) {
    return acknowledged.flatMap(a -> a.getTimeToAcknowledgeMs() != null ? Optional.of(Duration.ofMillis(a.getTimeToAcknowledgeMs()))
        : opened.map(o -> Duration.between(o.getOccurredAt(), a.getOccurredAt())));
  }

  private static Optional<Duration> timeToResolve(Optional<IncidentOpened> opened, Optional<IncidentResolved> resolved) {
    return resolved.flatMap(r -> r.getTimeToResolveMs() != null ? Optional.of(Duration.ofMillis(r.getTimeToResolveMs()))
        : opened.map(o -> Duration.between(o.getOccurredAt(), r.getOccurredAt())));
  }

  private static boolean failed(StepOutcome outcome) {
    return outcome == StepOutcome.failed || outcome == StepOutcome.timed_out;
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private void action(String what, String planStep) {
    actions.add(new String[] {what, planStep});
  }

  private static String utc(Instant at) {
    return UTC.format(at);
  }

  private static String loadTemplate() {
    try (InputStream in = PostmortemDraft.class.getClassLoader().getResourceAsStream(TEMPLATE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no template " + TEMPLATE_RESOURCE + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + TEMPLATE_RESOURCE, e);
    }
  }
}
