package org.complaintdesk.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.EventLog;

/**
 * Response-time statistics from the append-only events: count, mean and nearest-rank percentiles in
 * wall-clock and in business time, and the share within SLA (of events that had a target).
 */
public class ResponseTimeReport {
  public static final List<String> METRICS =
      List.of(EventLog.FIRST_RESPONSE, EventLog.NEXT_RESPONSE, EventLog.RESOLVED);

  private final EventLog events;

  public ResponseTimeReport(EventLog events) {
    this.events = events;
  }

  public record Stats(Long meanMs, Long p50Ms, Long p90Ms, Long p95Ms) {}

  public record Result(
      String metric,
      Instant from,
      Instant to,
      Long team,
      Long responder,
      String network,
      int count,
      Stats wallClock,
      Stats businessTime,
      int withSlaTarget,
      Double withinSlaPercent) {}

  public Result compute(
      String metric, Instant from, Instant to, Long teamId, Long responderId, Network network) {
    var rows = events.measured(metric, from, to, teamId, responderId, network);
    long[] wall =
        rows.stream()
            .map(EventLog.Measured::durationMs)
            .filter(Objects::nonNull)
            .mapToLong(Long::longValue)
            .sorted()
            .toArray();
    long[] biz =
        rows.stream()
            .map(EventLog.Measured::businessMs)
            .filter(Objects::nonNull)
            .mapToLong(Long::longValue)
            .sorted()
            .toArray();
    var judged = rows.stream().map(EventLog.Measured::slaMet).filter(Objects::nonNull).toList();
    long met = judged.stream().filter(Boolean::booleanValue).count();
    return new Result(
        metric,
        from,
        to,
        teamId,
        responderId,
        network == null ? null : network.key(),
        rows.size(),
        stats(wall),
        stats(biz),
        judged.size(),
        judged.isEmpty() ? null : Math.round(1000.0 * met / judged.size()) / 10.0);
  }

  static Stats stats(long[] sorted) {
    if (sorted.length == 0) {
      return new Stats(null, null, null, null);
    }
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    return new Stats(
        Math.round(sum / sorted.length), rank(sorted, 50), rank(sorted, 90), rank(sorted, 95));
  }

  /** Nearest-rank percentile: the smallest value with at least p% of values at or below it. */
  static long rank(long[] sorted, int p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }
}
