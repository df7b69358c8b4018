package io.codelibra.lifeline.escalation.notify;

/** What an HTTP endpoint answered to a notification: status and the start of the body. */
record HttpAnswer(int status, String body) {

  private static final int MAX_ERROR_BODY = 200;

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /**
   * 2xx is accepted; 408, 429 and 5xx are worth another attempt; any other status is a rejection that
   * would only repeat (a bad payload, an unknown channel, a revoked key, a redirect we do not follow).
   */
  Delivery toDelivery(String providerMessageId) {
    if (isSuccess()) {
      return new Delivery.Accepted(status, providerMessageId);
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    String detail = body.isBlank() ? "" : ": " + oneLine(body);
    String redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    return new Delivery.Failed(status, "HTTP " + status + redirect + detail, retryable);
  }

  private static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_ERROR_BODY ? line : line.substring(0, MAX_ERROR_BODY) + "…";
  }
}
