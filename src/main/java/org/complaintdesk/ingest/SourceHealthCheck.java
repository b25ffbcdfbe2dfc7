package org.complaintdesk.ingest;

import com.codahale.metrics.health.HealthCheck;

/** Healthy while the source's last fetch succeeded; reports the last error otherwise. */
public class SourceHealthCheck extends HealthCheck {
  private final IngestService ingest;
  private final long sourceId;

  public SourceHealthCheck(IngestService ingest, long sourceId) {
    this.ingest = ingest;
    this.sourceId = sourceId;
  }

  @Override
  protected Result check() {
    var source = ingest.source(sourceId).orElse(null);
    if (source == null) {
      return Result.unhealthy("source is gone");
    }
    if (Source.UNHEALTHY.equals(source.state())) {
      return Result.unhealthy(
          "credentials rejected; next try at %s; last: %s",
          source.pausedUntil(), source.lastError());
    }
    if (source.consecutiveFailures() > 0) {
      return Result.unhealthy(
          "%d failure(s) in a row; last: %s", source.consecutiveFailures(), source.lastError());
    }
    if (Source.RATE_LIMITED.equals(source.state())) {
      return Result.healthy("rate limited until %s", source.pausedUntil());
    }
    return Result.healthy("last success at %s", source.lastSuccessAt());
  }
}
