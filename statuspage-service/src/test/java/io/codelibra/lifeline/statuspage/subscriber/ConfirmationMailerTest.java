package io.codelibra.lifeline.statuspage.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConfirmationMailerTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Pattern CONFIRM_LINK =
      Pattern.compile("https://status\\.acme\\.test/subscriptions/([^/]+)/confirm\\?token=([A-Za-z0-9_-]+)");

  private final SubscriptionLinks links = new SubscriptionLinks("l1nk-s3cr3t", URI.create("https://status.acme.test"));

  @Test
  void sendsThePlainTextDoubleOptInWithAWorkingConfirmLink() throws Exception {
    new ConfirmationMailer(Mailers.smtp(smtp.getSmtp().getPort()), "statuspage@localhost", links)
        .send("sub-42", "alice@example.com", "Acme Status");

    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getFrom()[0].toString()).isEqualTo("statuspage@localhost");
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    assertThat(received.getSubject()).isEqualTo("[Acme Status] Confirm your subscription");
    assertThat(received.getContentType()).startsWith("text/plain");
    String body = GreenMailUtil.getBody(received).replace("=\r\n", "").replace("\r\n", "\n");
    assertThat(body).contains("Acme Status");
    Matcher link = CONFIRM_LINK.matcher(body);
    assertThat(link.find()).as("a confirm link in:\n%s", body).isTrue();
    assertThat(link.group(1)).isEqualTo("sub-42");
    assertThat(links.confirms("sub-42", link.group(2))).isTrue();
    assertThat(links.confirms("sub-43", link.group(2))).isFalse();
  }

  @Test
  void withoutAnSmtpServerItFailsLoudly() {
    assertThatThrownBy(() -> new ConfirmationMailer(null, "statuspage@localhost", links)
        .send("sub-42", "alice@example.com", "Acme Status"))
        .isInstanceOf(ConfirmationNotSent.class).hasMessageContaining("spring.mail.host");
  }

  @Test
  void aRefusedMessageFailsWithoutNamingTheAddress() {
    assertThatThrownBy(() -> new ConfirmationMailer(Mailers.smtp(smtp.getSmtp().getPort()), "statuspage@localhost",
        links).send("sub-42", "not an address", "Acme Status"))
        .isInstanceOf(ConfirmationNotSent.class)
        .hasMessageStartingWith("the confirmation e-mail to subscriber sub-42 was not sent: ")
        .message().doesNotContain("not an address");
  }
}
