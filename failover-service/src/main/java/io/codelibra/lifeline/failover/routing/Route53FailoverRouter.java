package io.codelibra.lifeline.failover.routing;

import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.FailoverRecord;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.RecordTarget;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;
import software.amazon.awssdk.services.route53.model.GetChangeResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceRecordSetFailover;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * Moves traffic with Route 53 failover records by <em>forcing</em> the PRIMARY record of the pair to the target region.
 *
 * <p>Route 53 answers the PRIMARY record while its health check passes and the SECONDARY one otherwise. Waiting for the
 * health check alone is not a failover we control (a region can be degraded while {@code /health} still answers, and an
 * operator's request must take effect now), so to move traffic this router UPSERTs the PRIMARY record, keeping its set
 * identifier, failover role and health check, with the <em>target region's</em> alias (or CNAME). Both records then answer
 * with the target region whatever the health checks say, and failback UPSERTs the PRIMARY record back to the primary
 * region's target. The SECONDARY record is never touched. This is the usual forced-failover technique; the price is that
 * Terraform sees drift on the PRIMARY record while failed over (ignore {@code alias} changes on it, or reapply only after
 * failback).
 *
 * <p>Each change is waited for with the {@code ResourceRecordSetsChanged} waiter (GetChange until INSYNC), then read back with
 * ListResourceRecordSets and verified.
 */
public final class Route53FailoverRouter implements TrafficRouter {

  private final Route53Client route53;
  private final Route53FailoverSettings settings;
  private final Clock clock;

  public Route53FailoverRouter(Route53Client route53, Route53FailoverSettings settings, Clock clock) {
    this.route53 = route53;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public RoutingState current() {
    ResourceRecordSet primary = readPrimaryRecord()
        .orElseThrow(() -> new IllegalStateException("no PRIMARY failover record " + settings.primary().setIdentifier()
            + " for " + settings.recordName() + " " + settings.type() + " in hosted zone " + settings.hostedZoneId()));
    return stateOf(primary);
  }

  @Override
  public RoutingChange routeTo(String region) {
    FailoverRecord target = settings.recordOf(region);
    StepRecorder steps = new StepRecorder(clock);
    RoutingState before = steps.run("route53-read-routing", this::current, RoutingState::observed);
    if (before.activeRegion().equals(region)) {
      steps.skipped("route53-change-record-sets", settings.recordName() + " already routes to " + region);
      return new RoutingChange(before.activeRegion(), region, false, before, steps.steps());
    }
    ChangeInfo change = steps.run("route53-change-record-sets", () -> upsertPrimaryTo(target, region),
        info -> "UPSERT PRIMARY " + settings.primary().setIdentifier() + " -> " + target.target().dnsName() + " ("
            + info.id() + ", " + info.statusAsString() + ")");
    steps.run("route53-wait-insync", () -> waitInSync(change),
        response -> "change " + response.changeInfo().id() + " " + response.changeInfo().statusAsString());
    RoutingState after = steps.run("route53-verify-routing", this::current, RoutingState::observed);
    if (!after.activeRegion().equals(region)) {
      throw steps.fail("read-back shows " + settings.recordName() + " routing to " + after.activeRegion() + ", not "
          + region + ": " + after.observed());
    }
    return new RoutingChange(before.activeRegion(), region, true, after, steps.steps());
  }

  private ChangeInfo upsertPrimaryTo(FailoverRecord target, String region) {
    FailoverRecord primary = settings.primary();
    ResourceRecordSet.Builder record = ResourceRecordSet.builder()
        .name(settings.recordName())
        .type(RRType.fromValue(settings.type().name()))
        .setIdentifier(primary.setIdentifier())
        .failover(ResourceRecordSetFailover.PRIMARY)
        .healthCheckId(primary.healthCheckId());
    switch (target.target()) {
      case RecordTarget.Alias alias -> record.aliasTarget(AliasTarget.builder()
          .hostedZoneId(alias.hostedZoneId())
          .dnsName(alias.dnsName())
          .evaluateTargetHealth(alias.evaluateTargetHealth())
          .build());
      case RecordTarget.Cname cname -> record.ttl(cname.ttlSeconds())
          .resourceRecords(ResourceRecord.builder().value(cname.dnsName()).build());
    }
    return route53.changeResourceRecordSets(request -> request
        .hostedZoneId(settings.hostedZoneId())
        .changeBatch(batch -> batch
            .comment("Lifeline failover: route " + settings.recordName() + " to " + region)
            .changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(record.build()))))
        .changeInfo();
  }

  private GetChangeResponse waitInSync(ChangeInfo change) {
    if (change.status() == ChangeStatus.INSYNC) {
      return GetChangeResponse.builder().changeInfo(change).build();
    }
    WaiterOverrideConfiguration waiting = WaiterOverrideConfiguration.builder()
        .waitTimeout(settings.changeTimeout())
        .backoffStrategyV2(BackoffStrategy.fixedDelay(settings.changePollInterval()))
        .maxAttempts(Integer.MAX_VALUE)
        .build();
    return route53.waiter()
        .waitUntilResourceRecordSetsChanged(GetChangeRequest.builder().id(change.id()).build(), waiting)
        .matched()
        .response()
        .orElseThrow(() -> new IllegalStateException("change " + change.id() + " did not reach INSYNC"));
  }

  private Optional<ResourceRecordSet> readPrimaryRecord() {
    String name = normalize(settings.recordName());
    return route53.listResourceRecordSets(request -> request
            .hostedZoneId(settings.hostedZoneId())
            .startRecordName(settings.recordName())
            .startRecordType(RRType.fromValue(settings.type().name())))
        .resourceRecordSets().stream()
        .filter(r -> normalize(r.name()).equals(name) && r.typeAsString().equals(settings.type().name()))
        .filter(r -> settings.primary().setIdentifier().equals(r.setIdentifier())
            && r.failover() == ResourceRecordSetFailover.PRIMARY)
        .findFirst();
  }

  private RoutingState stateOf(ResourceRecordSet primary) {
    String answer = primary.aliasTarget() != null
        ? primary.aliasTarget().dnsName()
        : primary.resourceRecords().isEmpty() ? "" : primary.resourceRecords().getFirst().value();
    String observed = "PRIMARY " + primary.setIdentifier() + " " + primary.name() + " " + primary.typeAsString() + " -> "
        + answer;
    for (FailoverRecord candidate : new FailoverRecord[] {settings.primary(), settings.secondary()}) {
      if (normalize(candidate.target().dnsName()).equals(normalize(answer))) {
        return new RoutingState(candidate.region(), observed);
      }
    }
    throw new IllegalStateException("the PRIMARY record answers with neither region's target: " + observed);
  }

  /** Route 53 returns names lower-cased with a trailing dot, and ALB aliases with a {@code dualstack.} prefix. */
  static String normalize(String dnsName) {
    String name = dnsName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.startsWith("dualstack.") ? name.substring("dualstack.".length()) : name;
  }
}
