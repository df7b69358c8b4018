package io.codelibra.lifeline.ingest.cloudwatch;

import io.codelibra.lifeline.ingest.http.IngestJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON body SNS posts into an {@link SnsMessage}. Duplicate keys are refused, so what is
 * verified is exactly what is then read; every missing or non-text field is reported at once.
 */
public final class SnsMessageReader {

  /** The body is not an SNS message of a known type with every signed field. */
  public static class Unreadable extends RuntimeException {
    private final List<String> problems;

    public Unreadable(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private final ObjectMapper json = IngestJson.mapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** @throws Unreadable when the body is not a complete SNS message */
  public SnsMessage read(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new Unreadable(List.of("the body is not JSON: " + firstLine(e.getMessage())));
    }
    if (root == null || !root.isObject()) {
      throw new Unreadable(List.of("the body is not a JSON object"));
    }
    List<String> problems = new ArrayList<>();
    String typeName = text(root, "Type", true, problems);
    Optional<SnsMessageType> type = typeName == null ? Optional.empty() : SnsMessageType.of(typeName);
    if (typeName == null) {
      // Raw message delivery posts the bare Message: unsigned, so it cannot be accepted.
      throw new Unreadable(List.of("Type is required: this is not an SNS message (turn raw message delivery off)"));
    }
    if (type.isEmpty()) {
      throw new Unreadable(List.of("Type '" + typeName + "' is not Notification, SubscriptionConfirmation or "
          + "UnsubscribeConfirmation"));
    }
    boolean confirmation = type.get() != SnsMessageType.NOTIFICATION;
    SnsMessage message = new SnsMessage(type.get(),
        text(root, "MessageId", true, problems),
        text(root, "TopicArn", true, problems),
        text(root, "Subject", false, problems),
        text(root, "Message", true, problems),
        text(root, "Timestamp", true, problems),
        text(root, "Token", confirmation, problems),
        text(root, "SubscribeURL", confirmation, problems),
        text(root, "SignatureVersion", true, problems),
        text(root, "Signature", true, problems),
        text(root, "SigningCertURL", true, problems));
    if (!problems.isEmpty()) {
      throw new Unreadable(problems);
    }
    return message;
  }

  /**
   * The envelope as kept on the event: everything SNS sent except {@code UnsubscribeURL}, which lets
   * anyone holding it end the subscription and so is treated as a credential.
   */
  public String withoutCredentials(byte[] body) {
    try {
      ObjectNode envelope = (ObjectNode) json.readTree(body);
      envelope.remove("UnsubscribeURL");
      return json.writeValueAsString(envelope);
    } catch (IOException | ClassCastException e) {
      throw new Unreadable(List.of("the body is not a JSON object"));
    }
  }

  private static String text(JsonNode root, String field, boolean required, List<String> problems) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(field + " is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      problems.add(field + " must be a string");
      return null;
    }
    return value.textValue();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
