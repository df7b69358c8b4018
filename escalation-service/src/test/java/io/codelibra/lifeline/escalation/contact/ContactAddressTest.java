package io.codelibra.lifeline.escalation.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactAddressTest {

  @ParameterizedTest(name = "{0} {1} valid: {2}")
  @CsvSource({
      "email, primary@example.com, true",
      "email, first.last+pager@sub.example.co.uk, true",
      "email, primary@localhost, true",
      "email, primary@, false",
      "email, 'Primary <primary@example.com>', false",
      "email, primary@@example.com, false",
      "webhook, https://hooks.example.com/lifeline?x=1, true",
      "webhook, http://localhost:9999/hook, true",
      "webhook, ops-alerts, true",
      "webhook, ftp://example.com/hook, false",
      "webhook, /relative/hook, false",
      "webhook, https://, false",
      "slack, https://hooks.slack.com/services/T000/B000/XXXX, true",
      "slack, incidents, true",
      "slack, hooks.slack.com/services/T000, false",
      "slack, https//hooks.slack.com/services/T000, false",
      "pagerduty, R0UT1NGKEY0123456789ABCDEF012345, true",
      "pagerduty, payments-primary, true",
      "pagerduty, https://events.pagerduty.com/v2/enqueue, false",
      "pagerduty, 'two words', false",
      "sms, +14155550100, true",
      "sms, 4155550100, false",
      "voice, +442071838750, true",
      "push, device-7f3a, true"
  })
  void checksTheAddressOfEachType(ContactMethodType type, String address, boolean valid) {
    assertThat(ContactAddress.problem(type, address).isEmpty()).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"email, true", "webhook, true", "slack, true", "pagerduty, true", "sms, false", "push, false",
      "voice, false"})
  void onlyEmailWebhookSlackAndPagerDutyHaveADeliveryAdapter(ContactMethodType type, boolean delivered) {
    assertThat(type.hasDeliveryAdapter()).isEqualTo(delivered);
    assertThat(type.channel().name()).isEqualTo(type.name());
  }
}
