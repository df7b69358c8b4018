package io.codelibra.lifeline.statuspage.subscriber;

import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A JavaMail sender for a local test SMTP server (GreenMail), with short timeouts. */
final class Mailers {

  private Mailers() {
  }

  static JavaMailSenderImpl smtp(int port) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(port);
    Properties timeouts = new Properties();
    timeouts.setProperty("mail.smtp.connectiontimeout", "2000");
    timeouts.setProperty("mail.smtp.timeout", "2000");
    mail.setJavaMailProperties(timeouts);
    return mail;
  }
}
