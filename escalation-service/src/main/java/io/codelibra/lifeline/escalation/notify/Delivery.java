package io.codelibra.lifeline.escalation.notify;

/** The outcome of one delivery attempt. */
public sealed interface Delivery {

  /**
   * The channel took the message.
   *
   * @param responseCode HTTP status; null when the channel gives none (SMTP through JavaMail)
   * @param providerMessageId the channel's id of the message (SMTP Message-ID, Events API dedup_key), or null
   */
  record Accepted(Integer responseCode, String providerMessageId) implements Delivery {
  }

  /**
   * The channel did not take the message.
   *
   * @param responseCode HTTP status or SMTP reply code; null when nothing answered
   * @param error why, free of URLs, keys and passwords
   * @param retryable whether another attempt may succeed (a timeout, 5xx, 408, 429), unlike a rejection
   */
  record Failed(Integer responseCode, String error, boolean retryable) implements Delivery {
  }
}
