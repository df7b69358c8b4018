package io.codelibra.lifeline.ingest.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnsMessageTest {

  @Test
  void notificationSignsMessageIdSubjectTimestampTopicAndTypeInThatOrder() {
    SnsMessage message = new SnsMessage(SnsMessageType.NOTIFICATION, "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        "arn:aws:sns:us-west-2:123456789012:MyTopic", "My First Message", "Hello world!", "2012-05-02T00:54:06.655Z",
        null, null, "1", "sig", "https://sns.us-west-2.amazonaws.com/cert.pem");

    assertThat(message.stringToSign()).isEqualTo("""
        Message
        Hello world!
        MessageId
        22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324
        Subject
        My First Message
        Timestamp
        2012-05-02T00:54:06.655Z
        TopicArn
        arn:aws:sns:us-west-2:123456789012:MyTopic
        Type
        Notification
        """);
  }

  @Test
  void notificationWithoutSubjectLeavesSubjectOutEntirely() {
    SnsMessage message = new SnsMessage(SnsMessageType.NOTIFICATION, "m-1", "arn:aws:sns:us-east-1:1:t", null,
        "{\"a\":1}\nsecond line", "2025-01-01T00:00:00.000Z", null, null, "2", "sig", "https://x/cert.pem");

    assertThat(message.stringToSign()).isEqualTo(
        "Message\n{\"a\":1}\nsecond line\nMessageId\nm-1\nTimestamp\n2025-01-01T00:00:00.000Z\n"
            + "TopicArn\narn:aws:sns:us-east-1:1:t\nType\nNotification\n");
  }

  @Test
  void confirmationsSignSubscribeUrlAndTokenButNeverSubject() {
    SnsMessage message = new SnsMessage(SnsMessageType.SUBSCRIPTION_CONFIRMATION, "165545c9", "arn:aws:sns:us-west-2:1:T",
        "ignored subject", "You have chosen to subscribe", "2012-04-26T20:45:04.751Z", "2336412f",
        "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f", "1", "sig", "https://x/c.pem");

    assertThat(message.stringToSign()).isEqualTo("""
        Message
        You have chosen to subscribe
        MessageId
        165545c9
        SubscribeURL
        https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f
        Timestamp
        2012-04-26T20:45:04.751Z
        Token
        2336412f
        TopicArn
        arn:aws:sns:us-west-2:1:T
        Type
        SubscriptionConfirmation
        """);
  }

  @Test
  void unsubscribeConfirmationSignsItsOwnType() {
    SnsMessage message = new SnsMessage(SnsMessageType.UNSUBSCRIBE_CONFIRMATION, "id", "topic", null, "bye",
        "t", "tok", "https://s/?x", "1", "sig", "https://x/c.pem");

    assertThat(message.stringToSign()).endsWith("Token\ntok\nTopicArn\ntopic\nType\nUnsubscribeConfirmation\n");
  }
}
