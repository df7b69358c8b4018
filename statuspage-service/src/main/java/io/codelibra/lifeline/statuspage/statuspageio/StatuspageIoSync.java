package io.codelibra.lifeline.statuspage.statuspageio;

import io.codelibra.lifeline.runtime.errors.RootCause;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import org.springframework.web.client.RestClientException;

/**
 * The {@code syncStatuspageIo} consumer: mirrors each component status change onto the Statuspage.io component
 * mapped to it. Transient failures (no answer, 408, 429, 5xx) are retried with backoff, honouring
 * {@code Retry-After}; when the attempts run out it throws, so the binder keeps the record. A refusal (any other
 * 4xx) would only repeat: it is logged with Statuspage.io's answer and the record is done.
 */
public final class StatuspageIoSync implements Consumer<Message<ComponentStatusChanged>>, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StatuspageIoSync.class);
  static final String UPDATES_METER = "lifeline.statuspage.statuspageio.updates";

  private final StatuspageIoClient client;
  private final Map<String, String> components;
  private final StatuspageIoProperties.Retry retry;
  private final String apiKey;
  private final MeterRegistry meters;
  private final Clock clock;

  StatuspageIoSync(StatuspageIoClient client, StatuspageIoProperties properties, MeterRegistry meters, Clock clock) {
    this.client = client;
    this.components = properties.components();
    this.retry = properties.retry();
    this.apiKey = properties.apiKey();
    this.meters = meters;
    this.clock = clock;
  }

  @Override
  public void accept(Message<ComponentStatusChanged> message) {
    // A removed component's tombstone arrives as KafkaNull despite the declared type: nothing to mirror.
    if (!(message.getPayload() instanceof ComponentStatusChanged changed)) {
      return;
    }
    String target = components.get(changed.getComponentId());
    if (target == null) {
      log.debug("Component {} has no Statuspage.io component (lifeline.statuspage.statuspage-io.components): not synced",
          changed.getComponentId());
      return;
    }
    update(changed.getComponentId(), target, changed.getStatus());
  }

  private void update(String componentId, String target, ComponentStatus status) {
    Attempts attempts = new Attempts(target, status);
    RetryPolicy policy = RetryPolicy.builder()
        .backOff(new RetryAfterBackOff(retry.exponential(), retry.maxDelay(), attempts::requestedWait))
        .predicate(failure -> failure instanceof AttemptFailed failed && failed.retryable)
        .build();
    try {
      ApiAnswer answer = new RetryTemplate(policy).execute(attempts::next);
      count("updated");
      log.info("Statuspage.io component {} (for {}) set to {} (attempt {}, HTTP {})", target, componentId, status,
          attempts.count, answer.status());
    } catch (RetryException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new StatuspageIoSyncFailed("interrupted while setting Statuspage.io component " + target, e);
      }
      if (!(e.getLastException() instanceof AttemptFailed last)) {
        throw e.getLastException() instanceof RuntimeException unexpected ? unexpected
            : new StatuspageIoSyncFailed("setting Statuspage.io component " + target + " failed", e);
      }
      if (!last.retryable) {
        count("rejected");
        log.error("Statuspage.io refused to set component {} (for {}) to {}: {}", target, componentId, status,
            last.getMessage());
        return;
      }
      count("failed");
      throw new StatuspageIoSyncFailed("Statuspage.io did not take component " + target + " (for " + componentId
          + ") to " + status + " after " + attempts.count + " attempts: " + last.getMessage(), e);
    }
  }

  private void count(String outcome) {
    meters.counter(UPDATES_METER, "outcome", outcome).increment();
  }

  @Override
  public void close() {
    client.close();
  }

  /** The attempts of one update so far, and what the last answer asked us to wait. */
  private final class Attempts {
    private final String target;
    private final ComponentStatus status;
    private int count;
    private Duration requestedWait = Duration.ZERO;

    Attempts(String target, ComponentStatus status) {
      this.target = target;
      this.status = status;
    }

    ApiAnswer next() throws AttemptFailed {
      count++;
      ApiAnswer answer;
      try {
        answer = client.setStatus(target, status);
      } catch (RestClientException e) {
        requestedWait = Duration.ZERO;
        throw new AttemptFailed(scrub("no answer: " + RootCause.describe(e)), true);
      }
      if (answer.accepted()) {
        return answer;
      }
      requestedWait = answer.requestedWait(clock.instant()).orElse(Duration.ZERO);
      throw new AttemptFailed(scrub(answer.describe()), answer.retryable());
    }

    Duration requestedWait() {
      return requestedWait;
    }
  }

  // The key is only ever sent as a header, but an API or a proxy may echo what it was sent.
  private String scrub(String text) {
    return apiKey == null || apiKey.isBlank() ? text : text.replace(apiKey, "***");
  }

  /** How a failed attempt reaches the retry template, which decides by exceptions. */
  private static final class AttemptFailed extends Exception {
    private final boolean retryable;

    AttemptFailed(String detail, boolean retryable) {
      super(detail, null, false, false);
      this.retryable = retryable;
    }
  }
}
