package io.codelibra.lifeline.ingest.http;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the intake refuses, with everything its answer and its metric need: status, the
 * receiver (metric tag {@code source}), a reason code (metric tag {@code reason}) and the sentences
 * the sender reads. Never carries a secret or a stack trace.
 */
public class IngestRejection extends RuntimeException {

  private final HttpStatus status;
  private final String receiver;
  private final String reason;
  private final String title;
  private final List<String> errors;

  public IngestRejection(HttpStatus status, String receiver, String reason, String title, List<String> errors) {
    super(errors.isEmpty() ? title : String.join("; ", errors));
    this.status = status;
    this.receiver = receiver;
    this.reason = reason;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static IngestRejection invalid(String receiver, List<String> errors) {
    return new IngestRejection(HttpStatus.BAD_REQUEST, receiver, "invalid", "Invalid alert", errors);
  }

  public static IngestRejection malformed(String receiver, String why) {
    return new IngestRejection(HttpStatus.BAD_REQUEST, receiver, "malformed", "Malformed request", List.of(why));
  }

  public static IngestRejection unauthenticated(String receiver, String why) {
    return new IngestRejection(HttpStatus.UNAUTHORIZED, receiver, "unauthenticated", "Unauthorized", List.of(why));
  }

  public static IngestRejection unknownSource(String receiver, String why) {
    return new IngestRejection(HttpStatus.FORBIDDEN, receiver, "unknown_source", "Unknown source", List.of(why));
  }

  public HttpStatus status() {
    return status;
  }

  public String receiver() {
    return receiver;
  }

  public String reason() {
    return reason;
  }

  public String title() {
    return title;
  }

  public List<String> errors() {
    return errors;
  }
}
