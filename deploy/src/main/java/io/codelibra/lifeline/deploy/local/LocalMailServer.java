package io.codelibra.lifeline.deploy.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's mail catcher: a real SMTP server (GreenMail) on localhost that accepts every message and writes it
 * to the data directory's {@code mail/} as an {@code .eml} file, so e-mail notifications and status page subscription
 * confirmations can be read ({@code ./lifeline mail}) and their links followed. Nothing leaves the machine.
 */
final class LocalMailServer implements AutoCloseable {

  static final int SMTP_PORT = 3025;
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "lifeline-mail");
    thread.setDaemon(true);
    return thread;
  });
  private final Path directory;
  private int saved;

  LocalMailServer(Path directory) {
    this.directory = directory;
  }

  void start() {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    mail.start();
    saver.scheduleWithFixedDelay(this::saveNew, 500, 500, TimeUnit.MILLISECONDS);
  }

  private synchronized void saveNew() {
    MimeMessage[] received = mail.getReceivedMessages();
    for (; saved < received.length; saved++) {
      Path file = directory.resolve(FILE_TIME.format(LocalDateTime.now()) + "-" + (saved + 1) + ".eml");
      try (OutputStream out = Files.newOutputStream(file)) {
        received[saved].writeTo(out);
      } catch (IOException | MessagingException e) {
        System.err.println("lifeline: cannot save a caught e-mail to " + file + ": " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    saver.shutdown();
    saveNew();
    mail.stop();
  }
}
