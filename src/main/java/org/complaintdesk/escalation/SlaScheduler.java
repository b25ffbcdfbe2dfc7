package org.complaintdesk.escalation;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link EscalationService#tick()} every {@code routing.slaTickInterval}. Tests call {@link
 * #tick()} directly with a moved clock; the thread only exists between start and stop.
 */
public class SlaScheduler implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);
  private final EscalationService escalation;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public SlaScheduler(EscalationService escalation, Duration interval) {
    this.escalation = escalation;
    this.interval = interval;
  }

  @Override
  public void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sla-scheduler");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::safeTick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("SLA scheduler started, every {}", interval);
  }

  /** One pass; never throws, because an exception would cancel the scheduled task. */
  public EscalationService.TickResult tick() {
    return escalation.tick();
  }

  private void safeTick() {
    try {
      var r = tick();
      if (r.warnings() + r.breaches() + r.backlogAssigned() > 0) {
        LOG.info(
            "SLA tick: {} warnings, {} breaches, {} actions, {} backlog cases assigned",
            r.warnings(),
            r.breaches(),
            r.actions(),
            r.backlogAssigned());
      }
    } catch (RuntimeException e) {
      LOG.error("SLA tick failed; will retry next interval", e);
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
