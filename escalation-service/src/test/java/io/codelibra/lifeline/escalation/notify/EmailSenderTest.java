package io.codelibra.lifeline.escalation.notify;

import static io.codelibra.lifeline.escalation.notify.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationKind;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class EmailSenderTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static JavaMailSenderImpl mailSender(int port) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(port);
    Properties timeouts = new Properties();
    timeouts.setProperty("mail.smtp.connectiontimeout", "2000");
    timeouts.setProperty("mail.smtp.timeout", "2000");
    mail.setJavaMailProperties(timeouts);
    return mail;
  }

  @Test
  void sendsAPlainTextMessageWithTheIncidentLinks() throws Exception {
    EmailSender sender = new EmailSender(mailSender(smtp.getSmtp().getPort()), "lifeline@example.com");

    Delivery delivery = sender.send(request(NotificationChannel.email, "primary@example.com").build());

    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getFrom()[0].toString()).isEqualTo("lifeline@example.com");
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("primary@example.com");
    assertThat(received.getSubject()).isEqualTo("[SEV1] checkout: 5xx rate above 5%");
    assertThat(received.getContentType()).startsWith("text/plain");
    assertThat(received.getHeader("X-Lifeline-Incident-Id")).containsExactly("inc-42");
    String body = GreenMailUtil.getBody(received).replace("\r\n", "\n");
    assertThat(body).startsWith("Incident opened\n\nIncident inc-42 on checkout")
        .contains("Severity: SEV1 (high urgency)")
        .contains("Open the incident: https://lifeline.example.com/api/v1/incidents/inc-42")
        .contains("Acknowledge: https://lifeline.example.com/api/v1/incidents/inc-42/acknowledge");
    assertThat(delivery).isInstanceOfSatisfying(Delivery.Accepted.class,
        accepted -> assertThat(accepted.providerMessageId()).isNotBlank().isEqualTo(messageId(received)));
  }

  @Test
  void aResolvedIncidentHasNoAcknowledgeLink() throws Exception {
    new EmailSender(mailSender(smtp.getSmtp().getPort()), "lifeline@example.com")
        .send(request(NotificationChannel.email, "primary@example.com").setKind(NotificationKind.incident_resolved)
            .build());

    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("Incident resolved")
        .doesNotContain("Acknowledge:");
  }

  @Test
  void anUnreachableSmtpServerIsWorthRetrying() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Delivery delivery = new EmailSender(mailSender(closedPort), "lifeline@example.com")
        .send(request(NotificationChannel.email, "primary@example.com").build());

    assertThat(delivery).isInstanceOfSatisfying(Delivery.Failed.class, failed -> {
      assertThat(failed.retryable()).isTrue();
      assertThat(failed.error()).startsWith("the SMTP server could not be reached: ");
    });
  }

  @Test
  void anInvalidAddressIsNotRetried() {
    Delivery delivery = new EmailSender(mailSender(smtp.getSmtp().getPort()), "lifeline@example.com")
        .send(request(NotificationChannel.email, "not an address").build());

    assertThat(delivery).isInstanceOfSatisfying(Delivery.Failed.class, failed -> {
      assertThat(failed.retryable()).isFalse();
      assertThat(failed.error()).startsWith("the message could not be built: ");
    });
  }

  @Test
  void aTransientSmtpReplyIsRetriedAndAPermanentOneIsNot() {
    assertThat(sendThrowing(new MailSendException("send failed",
        new MessagingException("451 4.3.0 Mail server temporarily rejected message"))))
        .isEqualTo(new Delivery.Failed(451, "SMTP 451: 4.3.0 Mail server temporarily rejected message", true));
    assertThat(sendThrowing(new MailSendException("send failed",
        new MessagingException("550 5.1.1 <primary@example.com>: Recipient address rejected"))))
        .isEqualTo(new Delivery.Failed(550, "SMTP 550: 5.1.1 <primary@example.com>: Recipient address rejected",
            false));
  }

  @Test
  void refusedCredentialsAreNotRetried() {
    Delivery delivery = sendThrowing(new MailAuthenticationException("535 5.7.8 Authentication credentials invalid"));

    assertThat(delivery).isEqualTo(new Delivery.Failed(535, "the SMTP server refused the configured credentials",
        false));
  }

  @Test
  void withoutAnSmtpServerEmailsFailWithoutRetry() {
    assertThat(new EmailSender(null, null).send(request(NotificationChannel.email, "primary@example.com").build()))
        .isEqualTo(new Delivery.Failed(null, "no SMTP server is configured (spring.mail.host)", false));
  }

  @Test
  void anSmtpServerNeedsAFromAddress() {
    assertThatThrownBy(() -> new EmailSender(mailSender(25), " "))
        .hasMessageContaining("lifeline.escalation.notify.email.from");
  }

  private static Delivery sendThrowing(RuntimeException failure) {
    JavaMailSender mail = mock(JavaMailSender.class);
    when(mail.createMimeMessage()).thenReturn(new MimeMessage((Session) null));
    doThrow(failure).when(mail).send(any(MimeMessage.class));
    return new EmailSender(mail, "lifeline@example.com")
        .send(request(NotificationChannel.email, "primary@example.com").build());
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
