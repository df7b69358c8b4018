package io.codelibra.lifeline.statuspage.subscriber;

import static io.codelibra.lifeline.statuspage.subscriber.Pages.email;
import static io.codelibra.lifeline.statuspage.subscriber.Pages.page;
import static io.codelibra.lifeline.statuspage.subscriber.Pages.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class SubscriberNotifierTest {

  private static final SubscriptionProperties.Retry FAST =
      new SubscriptionProperties.Retry(3, Duration.ofMillis(1), 2, Duration.ofMillis(5));

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private static SubscriberNotice about(String... componentIds) {
    Instant at = Instant.parse("2026-03-01T10:15:30Z");
    return new SubscriberNotice("evt-1", SubscriberNotice.Kind.INCIDENT, "si-1", "Elevated API errors", "investigating",
        "Investigating", "major", "siu-1", "We are investigating.", List.of(componentIds), at, at, null, null, null);
  }

  /** A channel that answers each subscriber from a script (null = delivered) and records every attempt. */
  private static final class ScriptedSender implements NoticeSender {
    private final SubscriberChannel channel;
    private final Map<String, Deque<Object>> script = new ConcurrentHashMap<>();
    private final Queue<String> attempts = new ConcurrentLinkedQueue<>();

    ScriptedSender(SubscriberChannel channel) {
      this.channel = channel;
    }

    ScriptedSender answer(String subscriberId, Object... answers) {
      script.put(subscriberId, new ArrayDeque<>(List.of(answers)));
      return this;
    }

    @Override
    public SubscriberChannel channel() {
      return channel;
    }

    @Override
    public void send(SubscriberState subscriber, SubscriberNotice notice, PageSnapshot page) throws DeliveryFailed {
      attempts.add(subscriber.id());
      Deque<Object> answers = script.get(subscriber.id());
      Object next = answers == null || answers.isEmpty() ? null : answers.poll();
      if (next instanceof DeliveryFailed failed) {
        throw failed;
      }
      if (next instanceof RuntimeException unexpected) {
        throw unexpected;
      }
    }

    long attemptsOf(String subscriberId) {
      return attempts.stream().filter(subscriberId::equals).count();
    }
  }

  private double count(String channel, String outcome) {
    return meters.counter(SubscriberNotifier.NOTIFICATIONS_METER, "channel", channel, "outcome", outcome).count();
  }

  @Test
  void tellsConfirmedSubscribersOfTheComponentsTheyFollowOrOfEverything() {
    PageSnapshot page = page(List.of(
        email("all", "all@example.com", true),
        email("api", "api@example.com", true, "api"),
        email("api-and-billing", "both@example.com", true, "billing", "api"),
        email("billing", "billing@example.com", true, "billing"),
        email("unconfirmed", "new@example.com", false, "api"),
        webhook("hook", "https://hooks.example.com/x", "api"),
        new SubscriberState("odd", SubscriberChannel.unknown, "?", true, List.of(), Instant.EPOCH, Instant.EPOCH)));
    SubscriberNotifier notifier = new SubscriberNotifier(List.of(new ScriptedSender(SubscriberChannel.email),
        new ScriptedSender(SubscriberChannel.webhook)), FAST, 2, meters);

    assertThat(notifier.recipients(about("api"), page)).extracting(SubscriberState::id)
        .containsExactly("all", "api", "api-and-billing", "hook");
    assertThat(notifier.recipients(about("billing"), page)).extracting(SubscriberState::id)
        .containsExactly("all", "api-and-billing", "billing");
    assertThat(notifier.recipients(about(), page)).as("an update about no component concerns everyone")
        .extracting(SubscriberState::id).containsExactly("all", "api", "api-and-billing", "billing", "hook");
  }

  @Test
  void retriesAFailureThatMayPassAndGivesUpOnOneThatWillNot() {
    ScriptedSender mail = new ScriptedSender(SubscriberChannel.email)
        .answer("flaky", new DeliveryFailed("SMTP: 451 try later", true), new DeliveryFailed("SMTP: 451 try later", true))
        .answer("refused", new DeliveryFailed("the e-mail could not be built", false));
    PageSnapshot page = page(List.of(email("flaky", "f@example.com", true), email("refused", "r@example.com", true)));

    new SubscriberNotifier(List.of(mail), FAST, 1, meters).notify(about("api"), page);

    assertThat(mail.attemptsOf("flaky")).isEqualTo(3);
    assertThat(mail.attemptsOf("refused")).isEqualTo(1);
    assertThat(count("email", "delivered")).isEqualTo(1);
    assertThat(count("email", "failed")).isEqualTo(1);
  }

  @Test
  void oneSubscribersFailureNeverStopsTheOthers() {
    ScriptedSender mail = new ScriptedSender(SubscriberChannel.email)
        .answer("down", new DeliveryFailed("SMTP: connection refused", true), new DeliveryFailed("SMTP: refused", true),
            new DeliveryFailed("SMTP: refused", true))
        .answer("broken", new IllegalStateException("a bug"));
    ScriptedSender hooks = new ScriptedSender(SubscriberChannel.webhook);
    PageSnapshot page = page(List.of(email("down", "d@example.com", true), email("broken", "b@example.com", true),
        email("fine", "ok@example.com", true), webhook("hook", "https://hooks.example.com/x")));

    new SubscriberNotifier(List.of(mail, hooks), FAST, 1, meters).notify(about("api"), page);

    assertThat(mail.attemptsOf("fine")).isEqualTo(1);
    assertThat(hooks.attemptsOf("hook")).isEqualTo(1);
    assertThat(count("email", "failed")).isEqualTo(2);
    assertThat(count("email", "delivered")).isEqualTo(1);
    assertThat(count("webhook", "delivered")).isEqualTo(1);
  }
}
