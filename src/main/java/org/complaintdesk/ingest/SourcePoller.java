package org.complaintdesk.ingest;

import io.dropwizard.lifecycle.Managed;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
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
 * Runs one source on its own interval, on the shared pool of the {@link PollerScheduler} (or on a
 * thread of its own through {@link #start()}). Owns scheduling and error containment, and reacts to
 * the kind of failure:
 *
 * <ul>
 *   <li>429 / exhausted window ({@link SourceException.RateLimited}): sleep until the network's
 *       reset (plus jitter); not counted as a failure.
 *   <li>401/403 ({@link SourceException.AuthRejected}): source marked {@code unhealthy} and polled
 *       again only after {@code authRetryInterval}, so bad credentials never hammer the network.
 *   <li>anything else (5xx, timeouts, resets, bad bodies): jittered exponential back-off.
 * </ul>
 *
 * In every failure case the cursor stays where it was. A poll follows {@code more} pages up to
 * {@code maxPages}; each page is stored with its cursor in its own transaction, so stopping in the
 * middle loses nothing and repeats nothing. Nothing starts before {@link #start()}.
 */
public class SourcePoller implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

  /** A 429 without a usable reset header: wait at least this long. */
  static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(30);

  private final Source source;
  private final MentionSource fetcher;
  private final IngestService ingest;
  private final Duration interval;
  private final Clock clock;
  private final int maxPages;
  private final Duration authRetryInterval;
  private ScheduledExecutorService executor;
  private volatile Instant pausedUntil;
  private int failures;

  public SourcePoller(
      Source source, MentionSource fetcher, IngestService ingest, Duration interval, Clock clock) {
    this(source, fetcher, ingest, interval, clock, 1, Duration.ofMinutes(30));
  }

  public SourcePoller(
      Source source,
      MentionSource fetcher,
      IngestService ingest,
      Duration interval,
      Clock clock,
      int maxPages,
      Duration authRetryInterval) {
    this.source = source;
    this.fetcher = fetcher;
    this.ingest = ingest;
    this.interval = interval;
    this.clock = clock;
    this.maxPages = maxPages;
    this.authRetryInterval = authRetryInterval;
    // A pause survives a restart: an unhealthy or rate-limited source stays quiet.
    this.pausedUntil = source.pausedUntil() == null ? Instant.MIN : source.pausedUntil();
    this.failures = source.consecutiveFailures();
  }

  /**
   * Schedules this poller on a shared pool (the {@link PollerScheduler}'s thread budget) instead of
   * a thread of its own. One source's ticks never overlap (fixed delay), and a tick holds a thread
   * at most for its read timeouts, so a hanging network cannot keep the others waiting for long.
   */
  void scheduleOn(ScheduledExecutorService pool) {
    pool.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Polling source '{}' ({}) every {}", source.name(), source.network().key(), interval);
  }

  /** Standalone use (tests, benchmarks): a thread of its own. */
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
    if (ingest.source(source.id()).map(Source::adminPaused).orElse(false)) {
      return; // paused by an admin (POST /api/sources/{name}/pause)
    }
    try {
      for (int page = 0; page < maxPages; page++) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        String cursor = ingest.source(source.id()).map(Source::cursor).orElse(null);
        FetchResult result = fetcher.fetch(cursor);
        IngestResult stored = ingest.ingest(source.id(), result);
        failures = 0;
        if (stored.stored() > 0) {
          LOG.debug("Source '{}': {}", source.name(), stored);
        }
        RateLimit limit = result.rateLimit();
        if (limit != null && limit.exhausted()) {
          pausedUntil = limit.resetAt().plus(jitter());
          ingest.recordPause(source.id(), pausedUntil);
          return;
        }
        if (!result.more()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SourceException.RateLimited e) {
      Instant now = clock.instant();
      Instant reset = e.resetAt();
      if (reset == null || !reset.isAfter(now)) {
        reset = now.plus(DEFAULT_RATE_LIMIT_PAUSE);
      }
      pausedUntil = reset.plus(jitter());
      ingest.recordFailure(source.id(), e, Source.RATE_LIMITED, pausedUntil, false);
      LOG.info("Source '{}' is rate limited until {}", source.name(), pausedUntil);
    } catch (SourceException.AuthRejected e) {
      failures++;
      pausedUntil = clock.instant().plus(authRetryInterval);
      ingest.recordFailure(source.id(), e, Source.UNHEALTHY, pausedUntil, true);
      LOG.error(
          "Source '{}' rejected our credentials; next try at {}: {}",
          source.name(),
          pausedUntil,
          e.getMessage());
    } catch (Throwable t) { // an escaped exception would cancel the schedule for good
      failures++;
      Duration backoff = backoff(failures);
      pausedUntil = clock.instant().plus(backoff);
      ingest.recordFailure(source.id(), t, Source.BACKING_OFF, pausedUntil, true);
      LOG.warn(
          "Source '{}' failed ({} in a row, {}), retrying in {}s: {}",
          source.name(),
          failures,
          kind(t),
          backoff.toSeconds(),
          t.toString());
    }
  }

  private static String kind(Throwable t) {
    if (t instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    return t.getClass().getSimpleName();
  }

  private static Duration jitter() {
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(1000));
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
