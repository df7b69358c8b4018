package io.codelibra.lifeline.statuspage.subscriber;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the double opt-in e-mail of a new e-mail subscriber: plain text with the confirm link. Nothing is sent to
 * the address again until that link is followed.
 */
public final class ConfirmationMailer {

  private final JavaMailSender mail;
  private final String from;
  private final SubscriptionLinks links;

  /** @param mail null when no SMTP server is configured ({@code spring.mail.host}): every send then fails */
  public ConfirmationMailer(JavaMailSender mail, String from, SubscriptionLinks links) {
    this.mail = mail;
    this.from = from;
    this.links = links;
  }

  /**
   * Sends the confirmation e-mail now.
   *
   * @throws ConfirmationNotSent when there is no SMTP server, or it refused or could not take the message
   */
  public void send(String subscriberId, String address, String pageName) {
    if (mail == null) {
      throw new ConfirmationNotSent("no SMTP server is configured (spring.mail.host)", null);
    }
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(address);
      helper.setSubject("[" + pageName + "] Confirm your subscription");
      helper.setText(body(subscriberId, pageName), false);
      message.setHeader("Auto-Submitted", "auto-generated");
      message.setHeader("X-Lifeline-Subscriber-Id", subscriberId);
      mail.send(message);
    } catch (MessagingException | MailException e) {
      // Not chained: the cause's own text may repeat the address.
      throw new ConfirmationNotSent("the confirmation e-mail to subscriber " + subscriberId + " was not sent: "
          + FailureReason.of(e, address), null);
    }
  }

  private String body(String subscriberId, String pageName) {
    return "Someone, hopefully you, asked to be told by e-mail about incidents and scheduled maintenance on "
        + pageName + ".\n\n"
        + "Confirm your subscription:\n" + links.confirmUrl(subscriberId) + "\n\n"
        + "If it was not you, ignore this e-mail: you will not be subscribed and will not hear from us again.\n";
  }
}
