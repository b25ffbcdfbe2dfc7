package org.complaintdesk.trends;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of GET /api/trends: one series per group (a single "all" series without grouping).
 *
 * @param labels the label columns, in a fixed order (negative, neutral, positive, then the statuses
 *     of mentions that could not be scored)
 */
public record TrendReport(
    Instant from,
    Instant to,
    String bucket,
    String timeZone,
    String groupBy,
    List<String> labels,
    List<Series> series) {

  /**
   * @param shareOfVoice this group's share of the volume of all groups in the report
   */
  public record Series(
      String group,
      String name,
      long volume,
      long detractors,
      double detractorShare,
      double shareOfVoice,
      Map<String, Long> byLabel,
      List<Point> points) {}

  /**
   * @param localStart the bucket start in the report's time zone, with its offset
   * @param shareOfVoice this group's share of all groups' volume in this bucket
   */
  public record Point(
      Instant start,
      String localStart,
      long volume,
      long detractors,
      double detractorShare,
      double shareOfVoice,
      Map<String, Long> byLabel) {}
}
