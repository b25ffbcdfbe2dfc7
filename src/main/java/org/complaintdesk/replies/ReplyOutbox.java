package org.complaintdesk.replies;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker: on start, settles replies a crash left in flight (see {@link
 * ReplyService#recoverInFlight}); then sends queued replies when their back-off is over.
 */
public class ReplyOutbox implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyOutbox.class);
  private final ReplyService replies;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public ReplyOutbox(ReplyService replies, Duration interval) {
    this.replies = replies;
    this.interval = interval;
  }

  @Override
  public void start() {
    int recovered = replies.recoverInFlight();
    if (recovered > 0) {
      LOG.warn("{} reply(ies) were in flight when the server stopped; settled them", recovered);
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "reply-outbox");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void tick() {
    try {
      replies.sendDue();
    } catch (RuntimeException e) {
      LOG.error("Reply outbox failed", e);
    }
  }

  @Override
  public void stop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
