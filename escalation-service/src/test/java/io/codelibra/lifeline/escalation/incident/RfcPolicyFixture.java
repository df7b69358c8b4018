package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.escalation.contact.ContactDirectory;
import io.codelibra.lifeline.escalation.contact.ContactPlan;
import io.codelibra.lifeline.escalation.policy.EscalationCatalog;
import io.codelibra.lifeline.escalation.policy.EscalationPolicy;
import io.codelibra.lifeline.escalation.policy.EscalationRule;
import io.codelibra.lifeline.escalation.policy.PolicyTarget;
import io.codelibra.lifeline.escalation.policy.ServiceSettings;
import io.codelibra.lifeline.escalation.schedule.OnCallLookup;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The RFC's escalation policy (primary, +15 min secondary, +30 min manager) and simple users, for tests. */
public final class RfcPolicyFixture {

  public static final String POLICY = "CodeLibra Critical Incidents";
  public static final String PRIMARY = "PRIMARY_ON_CALL_USER_ID";
  public static final String SECONDARY = "SECONDARY_ON_CALL_USER_ID";
  public static final String MANAGER = "MANAGER_USER_ID";

  private RfcPolicyFixture() {
  }

  public static EscalationPolicy rfcPolicy(int numLoops) {
    return new EscalationPolicy(POLICY, List.of(
        rule(PRIMARY, 15), rule(SECONDARY, 15), rule(MANAGER, 30)), numLoops);
  }

  private static EscalationRule rule(String user, int minutes) {
    return new EscalationRule(List.of(new PolicyTarget(PolicyTarget.Type.user_reference, user)), Duration.ofMinutes(minutes));
  }

  public static EscalationCatalog catalog(int numLoops, Map<String, ServiceSettings> services) {
    return new EscalationCatalog(Map.of(POLICY, rfcPolicy(numLoops)), services,
        new ServiceSettings("defaults", POLICY, Map.of(), true, Optional.empty()));
  }

  /** Every user has one e-mail contact method, notified at once. */
  public static ContactDirectory emailEveryone() {
    return new ContactDirectory() {
      @Override
      public List<ContactPlan> contactPlan(String userId, Urgency urgency) {
        return List.of(new ContactPlan("email", NotificationChannel.email, userId.toLowerCase() + "@example.com", Duration.ZERO));
      }
    };
  }

  public static OnCallLookup noSchedules() {
    return new OnCallLookup() {
      @Override
      public List<String> onCall(String scheduleId, Instant at) {
        return List.of();
      }

      @Override
      public Set<String> scheduleIds() {
        return Set.of();
      }
    };
  }

  /** The RFC policy with {@code numLoops}, default settings for every service, e-mail to everyone, no schedules. */
  public static IncidentEngine engine(int numLoops) {
    return engine(catalog(numLoops, Map.of()), emailEveryone(), noSchedules());
  }

  /** Settings of {@code service} under the RFC policy: default urgencies unless overridden. */
  public static ServiceSettings service(String service, Map<Severity, Urgency> urgencies, boolean autoResolve,
      Optional<Duration> groupingWindow) {
    return new ServiceSettings(service, POLICY, urgencies, autoResolve, groupingWindow);
  }

  public static IncidentEngine engine(EscalationCatalog catalog, ContactDirectory contacts, OnCallLookup schedules) {
    return new IncidentEngine(catalog, schedules, contacts, "escalation-service", UUID::randomUUID,
        new IncidentLinks("http://localhost:8082"));
  }
}
