package io.codelibra.lifeline.statuspage.stream;

import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.runtime.streams.Emission;
import io.codelibra.lifeline.statuspage.page.PageSettings;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import io.codelibra.lifeline.statuspage.page.StatusPage;
import io.codelibra.lifeline.statuspage.page.StatusPageEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's single writer: restores the page from its store on start, applies each input event and due
 * maintenance step with {@link StatusPageEngine}, saves exactly the changed entities, forwards the emitted
 * events (in the same exactly-once transaction) and publishes a fresh snapshot to the readers.
 *
 * <p>A change the engine refuses (or an event it fails on) leaves the page as it was: the in-memory page is
 * reloaded from the store, the refusal is audited and logged, and processing goes on.
 */
final class StatusPageProcessor implements Processor<String, SpecificRecord, String, Emission> {

  private static final Logger log = LoggerFactory.getLogger(StatusPageProcessor.class);

  private final StatusPageEngine engine;
  private final PageSettings settings;
  private final PublishedPage published;
  private final Duration tick;
  private final StatusPageMetrics metrics;
  private ProcessorContext<String, Emission> context;
  private PageStore store;
  private StatusPage page;
  private boolean configured;

  StatusPageProcessor(StatusPageEngine engine, PageSettings settings, PublishedPage published, Duration tick,
      StatusPageMetrics metrics) {
    this.engine = engine;
    this.settings = settings;
    this.published = published;
    this.tick = tick;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Emission> context) {
    this.context = context;
    this.store = new PageStore(context.getStateStore(PageStore.NAME));
    this.page = store.load(settings);
    // Versions (the public API's ETags) must not repeat after a restart: number on from the clock.
    page.continueVersionsFrom(context.currentSystemTimeMs() * 1000);
    published.publish(page.snapshot());
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, at -> {
      Instant time = Instant.ofEpochMilli(at);
      configureOnce(time);
      commit(engine.tick(page, time), time);
    });
  }

  /** Brings the configured components in; not in init, where a processor may not forward yet. */
  private void configureOnce(Instant now) {
    if (!configured) {
      commit(engine.configure(page, now), now);
      configured = true;
    }
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    configureOnce(now);
    try {
      commit(engine.apply(page, record.value(), now), now);
      metrics.applied(record.value());
    } catch (RuntimeException e) {
      long version = page.version();
      page = store.load(settings);
      page.continueVersionsFrom(version);
      metrics.refused(record.value());
      String type = record.value().getSchema().getName();
      if (record.value() instanceof StatusPageChangeRequested request) {
        log.warn("status page change {} from {} refused: {}", request.getEventId(), request.getActor().getId(), e.getMessage());
        engine.refused(page, request, e.getMessage());
        commit(List.of(), now);
      } else {
        log.error("status page could not apply {} (key {}): the page is unchanged", type, record.key(), e);
      }
    }
  }

  private void commit(List<Emission> emissions, Instant now) {
    if (!page.changed() && emissions.isEmpty()) {
      return;
    }
    store.save(page, page.drainDirty());
    long at = now.toEpochMilli();
    for (Emission emission : emissions) {
      context.forward(new Record<>(emission.key(), emission, at));
    }
    published.publish(page.snapshot());
  }

  @Override
  public void close() {
    // Another instance may own the page from now on: stop serving a copy that no longer changes.
    published.clear();
  }
}
