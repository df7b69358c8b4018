package io.codelibra.lifeline.ingest.cloudwatch;

/**
 * One message SNS posted to the receiver, with every field the signature covers exactly as it
 * arrived (the string to sign must be byte-for-byte what SNS signed, so nothing is re-formatted).
 *
 * @param type Notification, SubscriptionConfirmation or UnsubscribeConfirmation
 * @param messageId SNS's id of the message (the same on SNS's retries)
 * @param topicArn the topic it was published to
 * @param subject the Notification's subject, or null when the publisher gave none
 * @param message the payload: the CloudWatch alarm JSON, or SNS's confirmation sentence
 * @param timestamp when SNS published it, as SNS wrote it
 * @param token the confirmation token (confirmations only, else null)
 * @param subscribeUrl the URL that confirms the subscription (confirmations only, else null)
 * @param signatureVersion "1" (SHA1withRSA) or "2" (SHA256withRSA)
 * @param signature Base64 signature of {@link #stringToSign()}
 * @param signingCertUrl where SNS's signing certificate is
 */
public record SnsMessage(
    SnsMessageType type,
    String messageId,
    String topicArn,
    String subject,
    String message,
    String timestamp,
    String token,
    String subscribeUrl,
    String signatureVersion,
    String signature,
    String signingCertUrl) {

  /**
   * What SNS signed, per "Verifying the signatures of Amazon SNS messages": {@code name\nvalue\n}
   * for each field in byte order of the names; Notification signs Message, MessageId, Subject (only
   * when present), Timestamp, TopicArn, Type; the confirmations sign Message, MessageId,
   * SubscribeURL, Timestamp, Token, TopicArn, Type.
   */
  public String stringToSign() {
    StringBuilder signed = new StringBuilder(message.length() + 512);
    field(signed, "Message", message);
    field(signed, "MessageId", messageId);
    if (type == SnsMessageType.NOTIFICATION) {
      if (subject != null) {
        field(signed, "Subject", subject);
      }
      field(signed, "Timestamp", timestamp);
    } else {
      field(signed, "SubscribeURL", subscribeUrl);
      field(signed, "Timestamp", timestamp);
      field(signed, "Token", token);
    }
    field(signed, "TopicArn", topicArn);
    field(signed, "Type", type.wireName());
    return signed.toString();
  }

  private static void field(StringBuilder signed, String name, String value) {
    signed.append(name).append('\n').append(value).append('\n');
  }
}
