package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationRequested;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A channel whose attempts have outcomes set by the test, in order; the last one repeats. */
final class ScriptedSender implements NotificationSender {

  private final NotificationChannel channel;
  private final ConcurrentLinkedQueue<Supplier<Delivery>> script;
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile Supplier<Delivery> last;

  @SafeVarargs
  ScriptedSender(NotificationChannel channel, Supplier<Delivery>... outcomes) {
    this.channel = channel;
    this.script = new ConcurrentLinkedQueue<>(List.of(outcomes));
  }

  static Supplier<Delivery> answer(Delivery delivery) {
    return () -> delivery;
  }

  int attempts() {
    return attempts.get();
  }

  @Override
  public boolean supports(NotificationChannel requested) {
    return requested == channel;
  }

  @Override
  public Delivery send(NotificationRequested request) {
    attempts.incrementAndGet();
    Supplier<Delivery> next = script.poll();
    if (next != null) {
      last = next;
    }
    return last.get();
  }
}
