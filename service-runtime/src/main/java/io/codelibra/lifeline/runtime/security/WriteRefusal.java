package io.codelibra.lifeline.runtime.security;

/**
 * The body and content type of a refused write. Services answer {@code application/problem+json};
 * an API that speaks another error format (the schema registry's Confluent errors) declares a bean.
 */
public interface WriteRefusal {

  String contentType();

  /**
   * @param detail why the write was refused, a fixed sentence without user input
   * @param jsonEscapedPath the request path, already escaped for a JSON string
   */
  String body(String detail, String jsonEscapedPath);

  /** RFC 9457 problem details. */
  static WriteRefusal problemJson() {
    return new WriteRefusal() {
      @Override
      public String contentType() {
        return "application/problem+json";
      }

      @Override
      public String body(String detail, String jsonEscapedPath) {
        return "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"" + detail + "\",\"instance\":\"" + jsonEscapedPath + "\"}";
      }
    };
  }
}
