package io.codelibra.lifeline.failover.api;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.DrillPhase;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.failover.drill.Drill;
import io.codelibra.lifeline.failover.drill.DrillMode;
import io.codelibra.lifeline.failover.drill.DrillNotFoundException;
import io.codelibra.lifeline.failover.drill.Drills;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failover drills: start one (dry run or live; writes need the API key and a {@code From} header), follow it, and
 * record the checklist items people do by hand (lessons learned, procedures updated, follow-ups scheduled).
 */
@RestController
@RequestMapping("/api/v1/drills")
public class DrillController {

  private static final int MAX_TEXT = 2000;
  private static final int MAX_ITEM = 200;

  private final Drills drills;

  public DrillController(Drills drills) {
    this.drills = drills;
  }

  /** {@code mode}: {@code dry-run} (the default) or {@code live}; {@code rollback} (default true): fail back at the end. */
  public record DrillRequest(String mode, String reason, Boolean rollback) {
  }

  /** A checklist item done by people: {@code phase} pre | during | post, {@code outcome} succeeded | failed | skipped. */
  public record ChecklistRequest(String phase, String item, String outcome, String detail) {
  }

  @PostMapping
  public ResponseEntity<DrillView> start(@RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) DrillRequest body) {
    Actor actor = RegionPairController.operator(from);
    DrillRequest request = body == null ? new DrillRequest(null, null, null) : body;
    DrillMode mode;
    try {
      mode = request.mode() == null ? DrillMode.DRY_RUN : DrillMode.of(request.mode());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    Drill drill = drills.start(mode, bounded("reason", request.reason(), MAX_TEXT), actor,
        !Boolean.FALSE.equals(request.rollback()));
    return ResponseEntity.accepted().location(URI.create("/api/v1/drills/" + drill.id())).body(DrillView.of(drill));
  }

  @GetMapping
  public List<DrillView> drills() {
    return drills.all().stream().map(DrillView::of).toList();
  }

  @GetMapping("/{drillId}")
  public DrillView drill(@PathVariable String drillId) {
    return DrillView.of(drills.find(drillId).orElseThrow(() -> new DrillNotFoundException(drillId)));
  }

  @PostMapping("/{drillId}/checklist")
  public ResponseEntity<Drill.ChecklistEntry> record(@PathVariable String drillId,
      @RequestHeader(name = "From", required = false) String from, @RequestBody(required = false) ChecklistRequest body) {
    Actor actor = RegionPairController.operator(from);
    if (body == null || body.item() == null || body.item().isBlank()) {
      throw new InvalidRequestException("item is required: the checklist item, e.g. 'Document lessons learned'");
    }
    DrillPhase phase = symbol(DrillPhase.class, "phase", body.phase(), List.of("pre", "during", "post"));
    StepOutcome outcome = symbol(StepOutcome.class, "outcome", body.outcome(), List.of("succeeded", "failed", "skipped"));
    return ResponseEntity.accepted().body(drills.record(drillId, phase, bounded("item", body.item().strip(), MAX_ITEM),
        outcome, bounded("detail", body.detail(), MAX_TEXT), actor));
  }

  private static <E extends Enum<E>> E symbol(Class<E> type, String field, String value, List<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      throw new InvalidRequestException(field + " must be one of " + String.join(", ", allowed));
    }
    return Enum.valueOf(type, value);
  }

  private static String bounded(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidRequestException(field + " is longer than " + max + " characters");
    }
    return value == null || value.isBlank() ? null : value;
  }
}
