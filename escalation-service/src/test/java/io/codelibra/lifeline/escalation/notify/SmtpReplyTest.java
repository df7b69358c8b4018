package io.codelibra.lifeline.escalation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SmtpReplyTest {

  @Test
  void isFoundInTheNextExceptionOfAFailedMessage() {
    SendFailedException invalid = new SendFailedException("Invalid Addresses",
        new MessagingException("550 5.1.1 <nobody@example.com>: Recipient address rejected"));
    MailSendException failure = new MailSendException(Map.of("message", invalid));

    assertThat(SmtpReply.in(failure)).contains(
        new SmtpReply(550, "5.1.1 <nobody@example.com>: Recipient address rejected"));
  }

  @Test
  void fourHundredsAreTransientAndFiveHundredsPermanent() {
    assertThat(new SmtpReply(421, "try later").isTransient()).isTrue();
    assertThat(new SmtpReply(554, "rejected").isTransient()).isFalse();
  }

  @Test
  void aConnectionFailureHasNoReply() {
    assertThat(SmtpReply.in(new MailSendException("Mail server connection failed",
        new MessagingException("Couldn't connect to host, port: localhost, 2525")))).isEmpty();
  }
}
