package org.complaintdesk.trends;

import java.time.Instant;
import java.util.List;
import org.complaintdesk.reports.ResponseTimeReport;

/**
 * Response times per group (team, responder, network or all) over the whole range and per time
 * bucket. Every figure is the routing feature's {@link ResponseTimeReport.Result} for that slice:
 * count, wall-clock and business-time mean/p50/p90/p95 (nearest rank) and % within SLA (of the
 * events that had an SLA target), so this report and /api/reports/response-times always agree.
 */
public record ResponseTimeTrend(
    Instant from,
    Instant to,
    String metric,
    String bucket,
    String timeZone,
    String groupBy,
    List<Group> groups) {

  /**
   * @param group the id (team, responder), network key, or "all"
   * @param name what to show: team name, username, network key, "all"
   */
  public record Group(
      String group, String name, ResponseTimeReport.Result total, List<Point> points) {}

  public record Point(Instant start, String localStart, ResponseTimeReport.Result stats) {}
}
