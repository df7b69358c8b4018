package io.codelibra.lifeline.escalation.contact;

import io.codelibra.lifeline.runtime.yaml.YamlSource;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactFileReaderTest {

  private static ContactBook team() {
    return ContactFileReader.read(YamlSource.fromClasspath("contacts/team.yml"));
  }

  private static List<String> problemsOf(String yaml) {
    return problemsOf(new YamlSource("users.yml", yaml));
  }

  private static List<String> problemsOf(YamlSource... sources) {
    try {
      ContactFileReader.read(sources);
    } catch (ContactFileException e) {
      assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
      return e.problems();
    }
    throw new AssertionError("the contact file was accepted");
  }

  @Test
  void readsTheDemoUsersShippedWithTheService() {
    ContactBook demo = ContactFileReader.read(YamlSource.fromClasspath("escalation/users.yml"));

    assertThat(demo.users()).extracting(User::id)
        .containsExactly("PRIMARY_ON_CALL_USER_ID", "SECONDARY_ON_CALL_USER_ID", "MANAGER_USER_ID");
    assertThat(demo.displayName("MANAGER_USER_ID")).contains("Engineering Manager");
    assertThat(demo.contactPlan("PRIMARY_ON_CALL_USER_ID", Urgency.high)).containsExactly(
        new ContactPlan("work-email", NotificationChannel.email, "primary@example.com", Duration.ZERO),
        new ContactPlan("backup-email", NotificationChannel.email, "primary.backup@example.com", Duration.ofMinutes(5)));
    assertThat(demo.warnings()).isEmpty();
  }

  @Test
  void aHighUrgencyPageUsesTheHighAndAnyRulesInDelayOrder() {
    assertThat(team().contactPlan("alice", Urgency.high)).containsExactly(
        new ContactPlan("ops-webhook", NotificationChannel.webhook, "http://localhost:9999/hook", Duration.ZERO),
        new ContactPlan("work-email", NotificationChannel.email, "alice@example.com", Duration.ZERO),
        new ContactPlan("phone", NotificationChannel.sms, "+14155550100", Duration.ofMinutes(5)),
        new ContactPlan("pd-forward", NotificationChannel.pagerduty, "R0UT1NGKEY0123456789ABCDEF012345",
            Duration.ofMinutes(10)));
  }

  @Test
  void aLowUrgencyPageUsesTheLowAndAnyRules() {
    assertThat(team().contactPlan("alice", Urgency.low)).extracting(ContactPlan::contactMethodId)
        .containsExactly("work-email", "team-slack", "phone");
  }

  @Test
  void anUnknownUserHasNoPlanAndNoName() {
    assertThat(team().contactPlan("mallory", Urgency.high)).isEmpty();
    assertThat(team().displayName("mallory")).isEmpty();
  }

  @Test
  void aUserWithoutNameHasNoDisplayName() {
    assertThat(team().displayName("bob")).isEmpty();
    assertThat(team().displayName("alice")).contains("Alice Doe");
  }

  @Test
  void warnsOfChannelsNothingDeliversAndOfUsersNobodyCanReach() {
    assertThat(team().warnings()).containsExactly(
        "contacts/team.yml:18: contact method 'phone' of user 'alice' is sms, which no notifier adapter delivers yet: "
            + "its notifications will be recorded as failed",
        "contacts/team.yml:37: user 'bob' has no notification_rules: paging them notifies nobody");
  }

  @Test
  void reportsEveryProblemOfAFileWithItsLine() {
    assertThat(problemsOf(YamlSource.fromClasspath("contacts/invalid.yml"))).containsExactly(
        "contacts/invalid.yml:7: address must be an e-mail address for a contact method of type email, "
            + "not 'carol at example.com'",
        "contacts/invalid.yml:8: duplicate contact method id 'work-email' of user 'carol' (first at line 5)",
        "contacts/invalid.yml:13: address must be an absolute http(s) URL or the name of an endpoint configured in "
            + "the notifier for a contact method of type webhook, not 'ftp://example.com/hook'",
        "contacts/invalid.yml:15: type must be one of email, webhook, slack, pagerduty, sms, push, voice, "
            + "not 'telegram'",
        "contacts/invalid.yml:18: notification rule refers to contact method 'phone', which user 'carol' does not "
            + "have; known: work-email, hook, pager",
        "contacts/invalid.yml:21: start_delay_in_minutes must be a non-negative integer",
        "contacts/invalid.yml:22: urgency must be high, low or any, not 'urgent'",
        "contacts/invalid.yml:23: notification rule has no start_delay_in_minutes",
        "contacts/invalid.yml:24: unknown key 'delay' in notification rule; expected contact_method, "
            + "start_delay_in_minutes, urgency",
        "contacts/invalid.yml:25: duplicate user id 'carol' (first at contacts/invalid.yml:2)");
  }

  @Test
  void aUserIdMustBeUniqueAcrossFiles() {
    String alice = """
        users:
          - id: alice
            notification_rules: []
        """;

    assertThat(problemsOf(new YamlSource("a.yml", alice), new YamlSource("b.yml", alice)))
        .containsExactly("b.yml:2: duplicate user id 'alice' (first at a.yml:2)");
  }

  @Test
  void anEmptyFileIsAnError() {
    assertThat(problemsOf("")).containsExactly("users.yml:1: the contact file is empty; expected users:");
  }

  @Test
  void aFileWithoutUsersIsAnError() {
    assertThat(problemsOf("people: []\n")).containsExactly(
        "users.yml:1: unknown key 'people' in contact file; expected users",
        "users.yml:1: contact file has no users");
  }

  @Test
  void invalidYamlIsReportedAtItsLine() {
    assertThat(problemsOf("users:\n  - id: alice\n    name: \"unterminated\n"))
        .singleElement().asString().startsWith("users.yml:").contains(": invalid YAML: ");
  }

  @Test
  void aRuleMayNotReferToAMethodOfAnotherUserNorToNone() {
    String yaml = """
        users:
          - id: dave
            notification_rules:
              - contact_method: work-email
                start_delay_in_minutes: 0
        """;

    assertThat(problemsOf(yaml)).containsExactly(
        "users.yml:4: notification rule refers to contact method 'work-email', which user 'dave' does not have "
            + "(it has none)");
  }

  @Test
  void theContactPlanListIsImmutable() {
    List<ContactPlan> plan = team().contactPlan("alice", Urgency.high);

    assertThatThrownBy(plan::clear).isInstanceOf(UnsupportedOperationException.class);
  }
}
