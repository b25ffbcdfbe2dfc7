package org.complaintdesk.sentiment;

import com.codahale.metrics.health.HealthCheck;
import org.complaintdesk.ingest.MentionService;

/** Reports the scoring backlog; unhealthy when it grows past what a few minutes would clear. */
public class SentimentHealthCheck extends HealthCheck {
  static final long MAX_BACKLOG = 10_000;
  private final MentionService mentions;

  public SentimentHealthCheck(MentionService mentions) {
    this.mentions = mentions;
  }

  @Override
  protected Result check() {
    long pending = mentions.countPendingSentiment();
    return pending > MAX_BACKLOG
        ? Result.unhealthy("%d mentions waiting for sentiment", pending)
        : Result.healthy("%d mentions waiting for sentiment", pending);
  }
}
