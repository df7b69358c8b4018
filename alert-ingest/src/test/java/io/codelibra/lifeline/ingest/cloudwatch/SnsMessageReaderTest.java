package io.codelibra.lifeline.ingest.cloudwatch;

import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SnsMessageReaderTest {

  private final SnsMessageReader reader = new SnsMessageReader();

  @Test
  void readsANotificationAsSnsWroteIt() {
    SnsMessage message = reader.read(bytes(fixture("sns-notification.json")));

    assertThat(message.type()).isEqualTo(SnsMessageType.NOTIFICATION);
    assertThat(message.topicArn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:lifeline-alarms");
    assertThat(message.subject()).isEqualTo("ALARM: \"checkout-api-5xx\" in US East (N. Virginia)");
    assertThat(message.message()).startsWith("{\"AlarmName\":\"checkout-api-5xx\"");
    assertThat(message.timestamp()).isEqualTo("2025-09-16T16:59:17.190Z");
    assertThat(message.signatureVersion()).isEqualTo("1");
    assertThat(message.token()).isNull();
  }

  @Test
  void readsBothConfirmationsWithTokenAndSubscribeUrl() {
    SnsMessage subscribe = reader.read(bytes(fixture("sns-subscription-confirmation.json")));
    SnsMessage unsubscribe = reader.read(bytes(fixture("sns-unsubscribe-confirmation.json")));

    assertThat(subscribe.type()).isEqualTo(SnsMessageType.SUBSCRIPTION_CONFIRMATION);
    assertThat(subscribe.subscribeUrl()).startsWith("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription");
    assertThat(subscribe.token()).startsWith("2336412f37");
    assertThat(unsubscribe.type()).isEqualTo(SnsMessageType.UNSUBSCRIBE_CONFIRMATION);
    assertThat(unsubscribe.message()).contains("\n");
  }

  @Test
  void reportsEveryMissingSignedFieldAtOnce() {
    assertThatThrownBy(() -> reader.read(bytes("{\"Type\":\"SubscriptionConfirmation\",\"Message\":\"m\",\"MessageId\":7}")))
        .isInstanceOfSatisfying(SnsMessageReader.Unreadable.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "MessageId must be a string", "TopicArn is required", "Timestamp is required", "Token is required",
            "SubscribeURL is required", "SignatureVersion is required", "Signature is required",
            "SigningCertURL is required"));
  }

  @Test
  void refusesDuplicateKeysSoWhatIsVerifiedIsWhatIsRead() {
    String duplicated = fixture("sns-notification.json")
        .replaceFirst("\"Type\" : \"Notification\",", "\"Type\" : \"Notification\", \"Message\" : \"{}\",");

    assertThatThrownBy(() -> reader.read(bytes(duplicated)))
        .isInstanceOf(SnsMessageReader.Unreadable.class)
        .hasMessageContaining("Duplicate field 'Message'");
  }

  @Test
  void refusesRawMessageDeliveryWhichCarriesNoSignature() {
    assertThatThrownBy(() -> reader.read(bytes(fixture("alarm-state-alarm.json"))))
        .isInstanceOf(SnsMessageReader.Unreadable.class)
        .hasMessageContaining("raw message delivery");
  }

  @Test
  void refusesUnknownTypesAndNonObjects() {
    assertThatThrownBy(() -> reader.read(bytes("{\"Type\":\"Publish\"}"))).hasMessageContaining("Type 'Publish'");
    assertThatThrownBy(() -> reader.read(bytes("[1,2]"))).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> reader.read(bytes("Type=Notification"))).hasMessageContaining("not JSON");
  }

  @Test
  void theKeptEnvelopeHasNoUnsubscribeUrl() {
    String kept = reader.withoutCredentials(bytes(fixture("sns-notification.json")));

    assertThat(kept).doesNotContain("UnsubscribeURL", "Action=Unsubscribe")
        .contains("\"SigningCertURL\"", "\"MessageId\":\"b2a8f5a4-2f54-5b7c-9c4e-1f0d2a6e7c31\"");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
