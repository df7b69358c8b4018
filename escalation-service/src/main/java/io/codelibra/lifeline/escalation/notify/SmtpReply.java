package io.codelibra.lifeline.escalation.notify;

import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mail.MailSendException;

/**
 * The SMTP reply behind a failed send, found in the exception chain. JavaMail's SMTP exceptions carry the
 * server's reply line ({@code 550 5.1.1 User unknown}) as their message; their classes, which expose the code,
 * belong to the runtime-only implementation, so the code is read from that line.
 */
record SmtpReply(int code, String text) {

  private static final Pattern REPLY = Pattern.compile("^([2-5][0-9][0-9])[ -](.*)", Pattern.DOTALL);

  /** 4xx is transient by definition of SMTP; 5xx is permanent. */
  boolean isTransient() {
    return code >= 400 && code < 500;
  }

  static Optional<SmtpReply> in(Throwable failure) {
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = new HashSet<>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (next.getMessage() != null) {
        Matcher reply = REPLY.matcher(next.getMessage().strip());
        if (reply.matches()) {
          return Optional.of(new SmtpReply(Integer.parseInt(reply.group(1)), reply.group(2).strip()));
        }
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
        pending.add(messaging.getNextException());
      }
      if (next instanceof MailSendException send) {
        pending.addAll(send.getFailedMessages().values());
        pending.addAll(Arrays.asList(send.getMessageExceptions()));
      }
    }
    return Optional.empty();
  }
}
