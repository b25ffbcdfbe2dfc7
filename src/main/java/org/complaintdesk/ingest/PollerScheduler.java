package org.complaintdesk.ingest;

import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of every configured source: a shared pool of {@code ingest.pollerThreads}
 * threads (the thread budget) on which each {@link SourcePoller} runs at its own interval. A
 * source's ticks never overlap; a slow one holds one thread at most for its read timeout, so with a
 * budget of at least two a hanging network never stalls the others.
 */
public class PollerScheduler implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(PollerScheduler.class);

  private final int threads;
  private final List<SourcePoller> pollers = new ArrayList<>();
  private ScheduledThreadPoolExecutor pool;

  public PollerScheduler(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("ingest.pollerThreads must be at least 1");
    }
    this.threads = threads;
  }

  public synchronized void add(SourcePoller poller) {
    if (pool != null) {
      throw new IllegalStateException("add pollers before start()");
    }
    pollers.add(poller);
  }

  public synchronized List<SourcePoller> pollers() {
    return List.copyOf(pollers);
  }

  @Override
  public synchronized void start() {
    AtomicInteger n = new AtomicInteger();
    pool =
        new ScheduledThreadPoolExecutor(
            threads,
            r -> {
              Thread t = new Thread(r, "poller-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.setRemoveOnCancelPolicy(true);
    for (SourcePoller poller : pollers) {
      poller.scheduleOn(pool);
    }
    LOG.info("{} source(s) polled on {} thread(s)", pollers.size(), threads);
  }

  @Override
  public synchronized void stop() throws InterruptedException {
    if (pool != null) {
      pool.shutdownNow(); // interrupts in-flight requests; their page is not stored
      pool.awaitTermination(10, TimeUnit.SECONDS);
      pool = null;
    }
  }
}
