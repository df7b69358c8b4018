package io.codelibra.lifeline.statuspage.subscriber;

/**
 * Why a delivery failed, fit for a log line: the root cause's kind and message with the subscriber's address taken
 * out, since an address (an e-mail, a webhook URL with its token) is personal data and maybe a credential.
 */
final class FailureReason {

  private FailureReason() {
  }

  static String of(Throwable failure, String address) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String text = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage().strip();
    return withoutAddress(text, address);
  }

  static String withoutAddress(String text, String address) {
    return address == null || address.isBlank() ? text : text.replace(address, "<address>");
  }
}
