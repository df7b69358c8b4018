package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Tells an e-mail subscriber: a plain-text {@link NoticeEmail} over SMTP, with a {@code List-Unsubscribe} header
 * holding the subscriber's unsubscribe link.
 */
final class EmailNoticeSender implements NoticeSender {

  private final JavaMailSender mail;
  private final String from;
  private final SubscriptionLinks links;

  /** @param mail null when no SMTP server is configured ({@code spring.mail.host}): every e-mail then fails */
  EmailNoticeSender(JavaMailSender mail, String from, SubscriptionLinks links) {
    this.mail = mail;
    this.from = from;
    this.links = links;
  }

  @Override
  public SubscriberChannel channel() {
    return SubscriberChannel.email;
  }

  @Override
  public void send(SubscriberState subscriber, SubscriberNotice notice, PageSnapshot page) throws DeliveryFailed {
    if (mail == null) {
      throw new DeliveryFailed("no SMTP server is configured (spring.mail.host)", false);
    }
    URI unsubscribe = links.unsubscribeUrl(subscriber.id());
    NoticeEmail email = NoticeEmail.of(notice, page, links.pageUrl(page.settings()), unsubscribe);
    MimeMessage message;
    try {
      message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(subscriber.address());
      helper.setSubject(email.subject());
      helper.setText(email.body(), false);
      message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
      message.setHeader("Auto-Submitted", "auto-generated");
      message.setHeader("X-Lifeline-Event-Id", notice.eventId());
    } catch (MessagingException | MailPreparationException | MailParseException e) {
      throw new DeliveryFailed("the e-mail could not be built: " + FailureReason.of(e, subscriber.address()), false);
    }
    try {
      mail.send(message);
    } catch (MailAuthenticationException e) {
      throw new DeliveryFailed("the SMTP server refused the configured credentials", false);
    } catch (MailException e) {
      throw new DeliveryFailed("SMTP: " + FailureReason.of(e, subscriber.address()), true);
    }
  }
}
