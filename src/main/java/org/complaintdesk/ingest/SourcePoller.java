package org.complaintdesk.ingest;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source on its own thread and interval. Owns scheduling and error containment: any
 * failure of a fetch is recorded on the source and followed by a jittered exponential back-off, and
 * never reaches other sources. Nothing starts before {@link #start()}.
 */
public class SourcePoller implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  private final Source source;
  private final MentionSource fetcher;
  private final IngestService ingest;
  private final Duration interval;
  private final Clock clock;
  private ScheduledExecutorService executor;
  private volatile Instant pausedUntil = Instant.MIN;
  private int failures;

  public SourcePoller(
      Source source, MentionSource fetcher, IngestService ingest, Duration interval, Clock clock) {
    this.source = source;
    this.fetcher = fetcher;
    this.ingest = ingest;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "poller-" + source.name());
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Polling source '{}' ({}) every {}", source.name(), source.network().key(), interval);
  }

  @Override
  public void stop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** One poll; public so tests and benchmarks can drive a poller without its thread. */
  public void tick() {
    if (clock.instant().isBefore(pausedUntil)) {
      return;
    }
    try {
      String cursor = ingest.source(source.id()).map(Source::cursor).orElse(null);
      FetchResult result = fetcher.fetch(cursor);
      IngestResult stored = ingest.ingest(source.id(), result);
      failures = 0;
      if (stored.stored() > 0) {
        LOG.debug("Source '{}': {}", source.name(), stored);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) { // an escaped exception would cancel the schedule for good
      failures++;
      ingest.recordFailure(source.id(), t);
      Duration backoff = backoff(failures);
      pausedUntil = clock.instant().plus(backoff);
      LOG.warn(
          "Source '{}' failed ({} in a row), retrying in {}s: {}",
          source.name(),
          failures,
          backoff.toSeconds(),
          t.toString());
    }
  }

  static Duration backoff(int failures) {
    long base = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(failures, 20));
    long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
    return Duration.ofMillis(base / 2 + jitter);
  }

  public Source source() {
    return source;
  }
}
