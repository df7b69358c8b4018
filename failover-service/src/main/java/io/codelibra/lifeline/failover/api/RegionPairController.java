package io.codelibra.lifeline.failover.api;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.failover.pair.FailoverCommands;
import io.codelibra.lifeline.failover.pair.PairDecision;
import io.codelibra.lifeline.runtime.http.FromHeader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' region pair API. Reads show the pair as its writer left it; writes (API key, plus a {@code From}
 * header naming the person) go to the writer as {@code FailoverActionRequested} and are answered with its decision:
 * 202 accepted (with the failover it started), 409 refused with the safety rule's reason, or 202 pending when the
 * decision takes longer than the wait.
 */
@RestController
@RequestMapping("/api/v1/region-pair")
public class RegionPairController {

  static final String SOURCE = "failover-service/api";

  private final FailoverCommands commands;

  public RegionPairController(FailoverCommands commands) {
    this.commands = commands;
  }

  /** {@code epoch}: the pair's epoch plus one (optimistic concurrency); when absent, the current epoch plus one. */
  public record PairRequest(String reason, Long epoch, Boolean dryRun) {
  }

  @GetMapping
  public PairView pair() {
    return PairView.of(commands.current());
  }

  @GetMapping("/decisions/{requestId}")
  public ResponseEntity<PairDecision> decision(@PathVariable String requestId) {
    return ResponseEntity.of(commands.decision(requestId));
  }

  @PostMapping("/failover")
  public ResponseEntity<Map<String, Object>> failover(@RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) PairRequest body) {
    return send(FailoverAction.failover, from, body);
  }

  @PostMapping("/failback")
  public ResponseEntity<Map<String, Object>> failback(@RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) PairRequest body) {
    return send(FailoverAction.failback, from, body);
  }

  @PostMapping("/failback/approval")
  public ResponseEntity<Map<String, Object>> approveFailback(@RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) PairRequest body) {
    return send(FailoverAction.approve_failback, from, body);
  }

  private ResponseEntity<Map<String, Object>> send(FailoverAction action, String from, PairRequest body) {
    Actor actor = operator(from);
    PairRequest request = body == null ? new PairRequest(null, null, null) : body;
    if (request.epoch() != null && request.epoch() < 1) {
      throw new InvalidRequestException("epoch must be 1 or more: the pair's current epoch plus one");
    }
    FailoverCommands.Sent sent = commands.send(action, FailoverTrigger.manual, request.epoch(), request.reason(), actor,
        Boolean.TRUE.equals(request.dryRun()), null, SOURCE);
    String requestId = sent.request().getEventId().toString();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("request_id", requestId);
    answer.put("action", action.name());
    answer.put("epoch", sent.request().getEpoch());
    if (sent.decision().isEmpty()) {
      answer.put("status", "pending");
      answer.put("decision", "/api/v1/region-pair/decisions/" + requestId);
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }
    PairDecision decision = sent.decision().get();
    if (!decision.accepted()) {
      throw new RequestRefusedException(requestId, decision.detail());
    }
    answer.put("status", "accepted");
    if (decision.failoverId() != null) {
      answer.put("failover_id", decision.failoverId());
    }
    answer.put("detail", decision.detail());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
  }

  static Actor operator(String from) {
    return FromHeader.person(from).orElseThrow(() -> new InvalidRequestException(
        "the From header must name the person asking (e.g. their e-mail address)"));
  }
}
