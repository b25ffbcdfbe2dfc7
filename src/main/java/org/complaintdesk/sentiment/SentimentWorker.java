package org.complaintdesk.sentiment;

import io.dropwizard.lifecycle.Managed;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores pending mentions on a bounded pool, off the polling threads. Work is taken from the
 * database (status "pending"), so a backlog never blocks ingestion and survives a restart. A
 * mention that cannot be scored is stored as failed or unscored and never retried in a loop.
 */
public class SentimentWorker implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(SentimentWorker.class);
  private static final long DISPATCH_EVERY_MS = 200;

  private final MentionService mentions;
  private final SentimentService results;
  private final Supplier<SentimentScorer> scorer;
  private final int threads;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private final List<ScoredMentionListener> listeners = new CopyOnWriteArrayList<>();
  private ExecutorService pool;
  private ScheduledExecutorService dispatcher;

  public SentimentWorker(
      MentionService mentions, SentimentService results, SentimentScorer scorer, int threads) {
    this(mentions, results, () -> scorer, threads);
  }

  /**
   * @param scorer loaded on first use, so the models load on a worker thread after start-up instead
   *     of delaying the HTTP API
   */
  public SentimentWorker(
      MentionService mentions,
      SentimentService results,
      Supplier<SentimentScorer> scorer,
      int threads) {
    this.mentions = mentions;
    this.results = results;
    this.scorer = scorer;
    this.threads = threads;
  }

  public void addListener(ScoredMentionListener listener) {
    listeners.add(listener);
  }

  @Override
  public void start() {
    AtomicInteger n = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "sentiment-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    dispatcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sentiment-dispatch");
              t.setDaemon(true);
              return t;
            });
    pool.execute(scorer::get); // load the models now, off the start-up path
    dispatcher.scheduleWithFixedDelay(this::dispatch, 0, DISPATCH_EVERY_MS, TimeUnit.MILLISECONDS);
    LOG.info("Sentiment worker started with {} thread(s)", threads);
  }

  @Override
  public void stop() throws InterruptedException {
    if (dispatcher != null) {
      dispatcher.shutdownNow();
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Hands pending mentions to the pool, keeping at most a few per thread queued. */
  void dispatch() {
    try {
      int room = threads * 4 - inFlight.size();
      if (room <= 0) {
        return;
      }
      for (Mention m : mentions.pendingSentiment(Set.copyOf(inFlight), room)) {
        if (inFlight.add(m.id())) {
          pool.execute(() -> process(m));
        }
      }
    } catch (Throwable t) { // keep the schedule alive whatever happens
      LOG.error("Sentiment dispatch failed", t);
    }
  }

  /** Scores one mention and tells the listeners. Public so tests can run it on their thread. */
  public void process(Mention mention) {
    try {
      SentimentResult result = scorer.get().score(mention.text());
      results.save(mention.id(), result);
      for (ScoredMentionListener l : listeners) {
        try {
          l.onScored(mention, result);
        } catch (RuntimeException e) {
          LOG.error("Listener failed for mention {}", mention.id(), e);
        }
      }
    } catch (Throwable t) {
      if (Interruptions.isInterruption(t)) {
        // Shutting down: leave the mention pending so it is scored after the restart.
        LOG.info("Scoring of mention {} interrupted; it stays pending", mention.id());
        return;
      }
      LOG.error("Scoring mention {} failed", mention.id(), t);
      try {
        results.save(
            mention.id(),
            SentimentResult.notScored(SentimentResult.FAILED, null, null, t.toString()));
      } catch (RuntimeException e) {
        LOG.error("Could not mark mention {} as failed", mention.id(), e);
      }
    } finally {
      inFlight.remove(mention.id());
    }
  }
}
