package org.complaintdesk.trends;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * First-response and resolution time percentiles from the events log, by responder or network and
 * over time. Percentiles are nearest-rank (an observed value, never interpolated).
 */
public class ResponseTimeService {
  public static final String TEAMS_NOTE =
      "teams are not reported yet: this build's events carry no team (the routing feature adds"
          + " them); % within SLA is computed only against the slaMinutes target you pass";

  private final Jdbi jdbi;

  public ResponseTimeService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The question: which durations (first_response or resolved), how sliced, which target. */
  public record Query(
      String metric,
      Instant from,
      Instant to,
      Bucket bucket,
      ZoneId zone,
      String groupBy,
      String network,
      Long slaMs) {}

  public ResponseTimeReport report(Query q) {
    if ("team".equals(q.groupBy())) {
      throw new BadRequestException(TEAMS_NOTE);
    }
    List<Instant> starts =
        q.bucket() == null
            ? List.of(q.from())
            : TrendService.bucketStarts(
                new TrendQuery(
                    q.from(), q.to(), q.bucket(), q.zone(), null, null, null, null, "none"));
    Instant end =
        q.bucket() == null ? q.to() : q.bucket().next(starts.get(starts.size() - 1), q.zone());
    var rows =
        jdbi.withExtension(
            ResponseTimeDao.class,
            d ->
                d.durations(
                    q.metric(), starts.get(0).toEpochMilli(), end.toEpochMilli(), q.network()));
    long[] startMs = starts.stream().mapToLong(Instant::toEpochMilli).toArray();
    Map<String, Map<Integer, List<Long>>> byGroup = new TreeMap<>();
    for (var r : rows) {
      int i = Arrays.binarySearch(startMs, r.occurredAt());
      int idx = i >= 0 ? i : -i - 2;
      if (idx < 0) {
        continue;
      }
      String group =
          switch (q.groupBy()) {
            case "responder" -> r.actor() == null ? "unknown" : r.actor();
            case "network" -> r.network() == null ? "unknown" : r.network();
            default -> "all";
          };
      byGroup
          .computeIfAbsent(group, g -> new HashMap<>())
          .computeIfAbsent(idx, x -> new ArrayList<>())
          .add(r.durationMs());
    }
    if (byGroup.isEmpty()) {
      byGroup.put("all", Map.of());
    }
    var fmt = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    List<ResponseTimeReport.Group> groups = new ArrayList<>();
    for (var g : byGroup.entrySet()) {
      List<Long> all = new ArrayList<>();
      List<ResponseTimeReport.Point> points = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        List<Long> values = g.getValue().getOrDefault(i, List.of());
        all.addAll(values);
        points.add(
            new ResponseTimeReport.Point(
                starts.get(i),
                fmt.format(starts.get(i).atZone(q.zone())),
                stats(values, q.slaMs())));
      }
      groups.add(new ResponseTimeReport.Group(g.getKey(), stats(all, q.slaMs()), points));
    }
    return new ResponseTimeReport(
        starts.get(0),
        end,
        q.metric(),
        q.bucket() == null ? "none" : q.bucket().name().toLowerCase(Locale.ROOT),
        q.zone().getId(),
        q.groupBy(),
        q.slaMs(),
        TEAMS_NOTE,
        groups);
  }

  static ResponseTimeReport.Stats stats(List<Long> values, Long slaMs) {
    if (values.isEmpty()) {
      return new ResponseTimeReport.Stats(0, null, null, null, null);
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    Double within = null;
    if (slaMs != null) {
      long ok = Arrays.stream(sorted).filter(v -> v <= slaMs).count();
      within = (double) ok / sorted.length;
    }
    return new ResponseTimeReport.Stats(
        sorted.length,
        nearestRank(sorted, 50),
        nearestRank(sorted, 90),
        nearestRank(sorted, 95),
        within);
  }

  /** The smallest value with at least p% of the values at or below it. */
  static long nearestRank(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
