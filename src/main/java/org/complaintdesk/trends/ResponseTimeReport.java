package org.complaintdesk.trends;

import java.time.Instant;
import java.util.List;

/**
 * Response-time percentiles (nearest-rank) per group and per time bucket.
 *
 * @param slaMs the target used for {@code withinSla}; null when none was given (then every
 *     withinSla is null)
 * @param note what the report could not include (e.g. teams before the routing feature)
 */
public record ResponseTimeReport(
    Instant from,
    Instant to,
    String metric,
    String bucket,
    String timeZone,
    String groupBy,
    Long slaMs,
    String note,
    List<Group> groups) {

  public record Group(String group, Stats total, List<Point> points) {}

  public record Point(Instant start, String localStart, Stats stats) {}

  /**
   * @param withinSla share of cases answered within the SLA target, in [0, 1]
   */
  public record Stats(int count, Long p50Ms, Long p90Ms, Long p95Ms, Double withinSla) {}
}
