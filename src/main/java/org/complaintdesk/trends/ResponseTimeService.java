package org.complaintdesk.trends;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.complaintdesk.common.Network;
import org.complaintdesk.reports.ResponseTimeReport;

/**
 * Response times by team, responder or network, over time, from the append-only events the
 * routing/SLA feature writes. It does not read the events itself: every cell is the routing
 * feature's {@link ResponseTimeReport#compute} for that slice (group x bucket), so percentiles and
 * % within SLA are computed one way only. Percentiles cannot be merged, so the whole-range figure
 * of a group is its own compute call, not a merge of its buckets.
 */
public class ResponseTimeService {
  public static final int MAX_BUCKETS = 400;
  public static final List<String> GROUPS = List.of("none", "team", "responder", "network");

  /**
   * Who can be a group: team and responder ids with their names (routing's and auth's services).
   */
  public record Directory(
      Supplier<Map<Long, String>> teams, Supplier<Map<Long, String>> responders) {}

  private final ResponseTimeReport reports;
  private final Directory directory;

  public ResponseTimeService(ResponseTimeReport reports, Directory directory) {
    this.reports = reports;
    this.directory = directory;
  }

  /**
   * @param metric one of {@link ResponseTimeReport#METRICS}
   * @param bucket null = no time buckets, only the totals
   * @param network only this network (null = all)
   */
  public record Query(
      String metric,
      Instant from,
      Instant to,
      Bucket bucket,
      ZoneId zone,
      String groupBy,
      Network network) {}

  /** One group's filter: the dimensions ResponseTimeReport.compute takes. */
  private record Slice(String group, String name, Long team, Long responder, Network network) {}

  public ResponseTimeTrend report(Query q) {
    List<Instant> starts =
        q.bucket() == null
            ? List.of(q.from())
            : TrendService.bucketStarts(
                new TrendQuery(
                    q.from(), q.to(), q.bucket(), q.zone(), null, null, null, null, "none"));
    if (starts.size() > MAX_BUCKETS) {
      // Each cell is a query of the events log: keep a report to a few hundred of them per group.
      throw new BadRequestException(
          "response times allow at most " + MAX_BUCKETS + " buckets; use a larger bucket");
    }
    Instant end =
        q.bucket() == null ? q.to() : q.bucket().next(starts.get(starts.size() - 1), q.zone());
    var fmt = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    List<ResponseTimeTrend.Group> groups = new ArrayList<>();
    for (Slice s : slices(q)) {
      var total = compute(q, s, starts.get(0), end);
      if (total.count() == 0 && !q.groupBy().equals("none")) {
        continue; // a team, responder or network with nothing in the range
      }
      List<ResponseTimeTrend.Point> points = new ArrayList<>();
      if (q.bucket() != null) {
        for (int i = 0; i < starts.size(); i++) {
          Instant to = i + 1 < starts.size() ? starts.get(i + 1) : end;
          points.add(
              new ResponseTimeTrend.Point(
                  starts.get(i),
                  fmt.format(starts.get(i).atZone(q.zone())),
                  compute(q, s, starts.get(i), to)));
        }
      }
      groups.add(new ResponseTimeTrend.Group(s.group(), s.name(), total, points));
    }
    return new ResponseTimeTrend(
        starts.get(0),
        end,
        q.metric(),
        q.bucket() == null ? "none" : q.bucket().name().toLowerCase(Locale.ROOT),
        q.zone().getId(),
        q.groupBy(),
        groups);
  }

  private ResponseTimeReport.Result compute(Query q, Slice s, Instant from, Instant to) {
    Network network = s.network() != null ? s.network() : q.network();
    return reports.compute(q.metric(), from, to, s.team(), s.responder(), network);
  }

  private List<Slice> slices(Query q) {
    List<Slice> out = new ArrayList<>();
    switch (q.groupBy()) {
      case "team" ->
          sorted(directory.teams().get())
              .forEach((id, name) -> out.add(new Slice(id.toString(), name, id, null, null)));
      case "responder" ->
          sorted(directory.responders().get())
              .forEach((id, name) -> out.add(new Slice(id.toString(), name, null, id, null)));
      case "network" -> {
        for (Network n : Network.values()) {
          if (q.network() == null || q.network() == n) {
            out.add(new Slice(n.key(), n.key(), null, null, n));
          }
        }
      }
      default -> out.add(new Slice("all", "all", null, null, null));
    }
    return out;
  }

  private static Map<Long, String> sorted(Map<Long, String> byId) {
    Map<Long, String> out = new LinkedHashMap<>();
    byId.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
