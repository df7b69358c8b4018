package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.runtime.errors.RootCause;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationRequested;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The {@code email} channel: a plain-text message over SMTP through Spring's {@link JavaMailSender}
 * ({@code spring.mail.*}); without {@code spring.mail.host} there is no mail sender and e-mails fail.
 */
public final class EmailSender implements NotificationSender {

  private final JavaMailSender mail;
  private final String from;

  /** @param mail null when no SMTP server is configured */
  EmailSender(JavaMailSender mail, String from) {
    if (mail != null && (from == null || from.isBlank())) {
      throw new IllegalArgumentException("an SMTP server is configured (spring.mail.host) but no sender address: "
          + "set lifeline.escalation.notify.email.from");
    }
    this.mail = mail;
    this.from = from;
  }

  @Override
  public boolean supports(NotificationChannel channel) {
    return channel == NotificationChannel.email;
  }

  @Override
  public Delivery send(NotificationRequested request) {
    if (mail == null) {
      return new Delivery.Failed(null, "no SMTP server is configured (spring.mail.host)", false);
    }
    MimeMessage message;
    try {
      message = message(request);
    } catch (MessagingException | MailPreparationException e) {
      return new Delivery.Failed(null, "the message could not be built: " + e.getMessage(), false);
    }
    try {
      mail.send(message);
      return new Delivery.Accepted(null, messageId(message));
    } catch (MailAuthenticationException e) {
      // Retrying with the same credentials cannot help; the reply never contains the password.
      return new Delivery.Failed(SmtpReply.in(e).map(SmtpReply::code).orElse(null),
          "the SMTP server refused the configured credentials", false);
    } catch (MailException e) {
      Optional<SmtpReply> reply = SmtpReply.in(e);
      if (reply.isPresent()) {
        return new Delivery.Failed(reply.get().code(), "SMTP " + reply.get().code() + ": " + reply.get().text(),
            reply.get().isTransient());
      }
      return new Delivery.Failed(null, "the SMTP server could not be reached: " + RootCause.describe(e), true);
    }
  }

  private MimeMessage message(NotificationRequested request) throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(request.getRecipient());
    helper.setSubject(EmailText.subject(request));
    helper.setText(EmailText.body(request), false);
    message.setHeader("X-Lifeline-Notification-Id", request.getNotificationId());
    message.setHeader("X-Lifeline-Incident-Id", request.getIncidentId());
    return message;
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      return null;
    }
  }
}
