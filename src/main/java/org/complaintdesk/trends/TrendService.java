package org.complaintdesk.trends;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.complaintdesk.keywords.Keyword;
import org.complaintdesk.keywords.KeywordService;
import org.jdbi.v3.core.Jdbi;

/**
 * Trend reports from the rollups, never by scanning mentions. Filtered by network or language (or
 * grouped by them): hourly trend_rollup rows summed into local hours, days or weeks of the chosen
 * time zone in SQL (DST days of 23 or 25 hours come out right). Otherwise the coarse tables without
 * those dimensions: local days and weeks from UTC days plus edge hours ({@link DayPlan}), hours
 * from trend_rollup_kh. Both give the same numbers.
 */
public class TrendService {
  /** Label columns in report order; other labels, if any ever appear, follow alphabetically. */
  public static final List<String> LABELS =
      List.of("negative", "neutral", "positive", "unscored", "unsupported", "failed");

  public static final int MAX_BUCKETS = 5000;
  static final String ALL = "all";

  /** Hour ranges per correction query (SQLite allows 500 UNION ALL branches). */
  static final int CORRECTION_CHUNK = 200;

  private final Jdbi jdbi;
  private final KeywordService keywords;

  public TrendService(Jdbi jdbi, KeywordService keywords) {
    this.jdbi = jdbi;
    this.keywords = keywords;
  }

  public TrendReport trends(TrendQuery q) {
    return trends(q, true);
  }

  /** {@code allowCoarse = false} forces the hourly trend_rollup path (tests compare the two). */
  TrendReport trends(TrendQuery q, boolean allowCoarse) {
    List<Instant> starts = bucketStarts(q);
    Instant end = q.bucket().next(starts.get(starts.size() - 1), q.zone());
    Map<Long, Keyword> byId = new HashMap<>();
    keywords.list().forEach(k -> byId.put(k.id(), k));

    List<Long> ids = q.keywordIds();
    if (q.brand() != null) {
      List<Long> ofBrand =
          byId.values().stream()
              .filter(k -> q.brand().equalsIgnoreCase(Objects.toString(k.brand(), "")))
              .map(Keyword::id)
              .filter(id -> q.keywordIds() == null || q.keywordIds().contains(id))
              .toList();
      ids = ofBrand;
    }
    String column =
        switch (q.groupBy()) {
          case "keyword", "brand" -> "keyword_id";
          case "network" -> "network";
          case "language" -> "language";
          default -> null;
        };
    List<Long> filterIds = ids;
    Instant first = starts.get(0);
    // No network/language filter or grouping: the coarse rollups give the same sums from far fewer
    // rows (trend_rollup is almost one row per mention at scale).
    boolean coarse =
        allowCoarse
            && q.network() == null
            && q.language() == null
            && (column == null || column.equals("keyword_id"));
    List<TrendQueryDao.BucketRow> rows;
    if (coarse && q.bucket() != Bucket.HOUR) {
      rows = fromDays(q, starts, end, column, filterIds);
    } else {
      String expr = q.bucket().sqlIndex(first, end, q.zone());
      String table = coarse ? "trend_rollup_kh" : "trend_rollup";
      rows =
          jdbi.withExtension(
              TrendQueryDao.class,
              d ->
                  d.buckets(
                      table,
                      expr,
                      first.toEpochMilli(),
                      end.toEpochMilli(),
                      column,
                      filterIds,
                      q.network(),
                      q.language()));
    }

    Map<Long, Integer> position = new HashMap<>();
    for (int i = 0; i < starts.size(); i++) {
      position.put(q.bucket().index(starts.get(i), q.zone()), i);
    }
    // group -> bucket position -> label -> [volume, detractors]
    Map<String, Map<Integer, Map<String, long[]>>> cells = new TreeMap<>();
    for (var r : rows) {
      Integer idx = position.get(r.bucket());
      if (idx == null) {
        continue; // an hour straddling the range edge in a non-whole-hour zone
      }
      if (r.volume() == 0 && r.detractors() == 0) {
        continue; // rows emptied by re-scores: no series for a group without mentions
      }
      String group = groupOf(q.groupBy(), r.groupKey(), byId);
      long[] c =
          cells
              .computeIfAbsent(group, g -> new HashMap<>())
              .computeIfAbsent(idx, x -> new HashMap<>())
              .computeIfAbsent(r.label(), l -> new long[2]);
      c[0] += r.volume();
      c[1] += r.detractors();
    }
    if (cells.isEmpty() && column == null) {
      cells.put(ALL, Map.of());
    }
    List<String> labels = labels(cells);

    long[] bucketTotals = new long[starts.size()];
    long grandTotal = 0;
    for (var perGroup : cells.values()) {
      for (var e : perGroup.entrySet()) {
        for (long[] c : e.getValue().values()) {
          bucketTotals[e.getKey()] += c[0];
          grandTotal += c[0];
        }
      }
    }
    var formatter = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    List<TrendReport.Series> series = new ArrayList<>();
    for (var g : cells.entrySet()) {
      List<TrendReport.Point> points = new ArrayList<>();
      Map<String, Long> seriesLabels = zeroLabels(labels);
      long volume = 0;
      long detractors = 0;
      for (int i = 0; i < starts.size(); i++) {
        Map<String, long[]> cell = g.getValue().getOrDefault(i, Map.of());
        Map<String, Long> byLabel = zeroLabels(labels);
        long v = 0;
        long d = 0;
        for (var c : cell.entrySet()) {
          byLabel.merge(c.getKey(), c.getValue()[0], Long::sum);
          seriesLabels.merge(c.getKey(), c.getValue()[0], Long::sum);
          v += c.getValue()[0];
          d += c.getValue()[1];
        }
        volume += v;
        detractors += d;
        points.add(
            new TrendReport.Point(
                starts.get(i),
                formatter.format(starts.get(i).atZone(q.zone())),
                v,
                d,
                share(d, v),
                share(v, bucketTotals[i]),
                byLabel));
      }
      series.add(
          new TrendReport.Series(
              g.getKey(),
              nameOf(q.groupBy(), g.getKey(), byId),
              volume,
              detractors,
              share(detractors, volume),
              share(volume, grandTotal),
              seriesLabels,
              points));
    }
    return new TrendReport(
        starts.get(0),
        end,
        q.bucket().name().toLowerCase(java.util.Locale.ROOT),
        q.zone().getId(),
        q.groupBy(),
        labels,
        series);
  }

  /**
   * Local days or weeks from whole UTC days (trend_rollup_day) plus, at each bucket edge, the hours
   * between the edge and the nearest UTC midnight (trend_rollup_kh): see {@link DayPlan}. Returns
   * the same rows the hourly path would, keyed by the buckets' index numbers.
   */
  private List<TrendQueryDao.BucketRow> fromDays(
      TrendQuery q, List<Instant> starts, Instant end, String column, List<Long> ids) {
    DayPlan plan = DayPlan.of(starts, end);
    long[] cuts = plan.cuts();
    List<TrendQueryDao.BucketRow> days = new ArrayList<>();
    List<TrendQueryDao.BucketRow> hours = new ArrayList<>();
    jdbi.useExtension(
        TrendQueryDao.class,
        d -> {
          if (cuts[0] < cuts[cuts.length - 1]) {
            days.addAll(d.days(cuts[0], cuts[cuts.length - 1], column, ids));
          }
          var c = plan.corrections();
          for (int i = 0; i < c.size(); i += CORRECTION_CHUNK) {
            hours.addAll(
                d.hours(c.subList(i, Math.min(c.size(), i + CORRECTION_CHUNK)), column, ids));
          }
        });
    int n = starts.size();
    // bucket position -> group -> label -> [volume, detractors]
    List<Map<String, Map<String, long[]>>> sums = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      sums.add(new HashMap<>());
    }
    for (var r : days) {
      int b = plan.bucketOfDay(r.bucket());
      if (b >= 0) {
        add(sums.get(b), r, 1);
      }
    }
    for (var r : hours) {
      DayPlan.Correction c = plan.correctionOf(r.bucket());
      if (c == null) {
        continue;
      }
      if (c.plus() >= 0 && c.plus() < n) {
        add(sums.get(c.plus()), r, 1);
      }
      if (c.minus() >= 0 && c.minus() < n) {
        add(sums.get(c.minus()), r, -1);
      }
    }
    List<TrendQueryDao.BucketRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long index = q.bucket().index(starts.get(i), q.zone());
      sums.get(i)
          .forEach(
              (group, byLabel) ->
                  byLabel.forEach(
                      (label, c) ->
                          rows.add(new TrendQueryDao.BucketRow(index, group, label, c[0], c[1]))));
    }
    return rows;
  }

  private static void add(
      Map<String, Map<String, long[]>> cell, TrendQueryDao.BucketRow r, int sign) {
    long[] c =
        cell.computeIfAbsent(r.groupKey(), g -> new HashMap<>())
            .computeIfAbsent(r.label(), l -> new long[2]);
    c[0] += sign * r.volume();
    c[1] += sign * r.detractors();
  }

  /** Bucket starts covering [from, to): from the bucket containing from to the one before to. */
  static List<Instant> bucketStarts(TrendQuery q) {
    if (!q.from().isBefore(q.to())) {
      throw new BadRequestException("from must be before to");
    }
    List<Instant> starts = new ArrayList<>();
    Instant s = q.bucket().startOf(q.from(), q.zone());
    while (s.isBefore(q.to())) {
      starts.add(s);
      if (starts.size() > MAX_BUCKETS) {
        throw new BadRequestException(
            "the range has more than " + MAX_BUCKETS + " buckets; use a larger bucket");
      }
      s = q.bucket().next(s, q.zone());
    }
    return starts;
  }

  private static String groupOf(String groupBy, String key, Map<Long, Keyword> byId) {
    return switch (groupBy) {
      case "keyword" -> key;
      case "brand" -> {
        Keyword k = byId.get(Long.parseLong(key.trim()));
        yield k == null || k.brand() == null || k.brand().isBlank()
            ? (k == null ? "keyword:" + key : k.term())
            : k.brand();
      }
      case "network", "language" -> key.isEmpty() ? "unknown" : key;
      default -> ALL;
    };
  }

  private static String nameOf(String groupBy, String group, Map<Long, Keyword> byId) {
    if (groupBy.equals("keyword")) {
      long id = Long.parseLong(group.trim());
      Keyword k = byId.get(id);
      return id == 0 ? "(no keyword)" : k == null ? "keyword " + id : k.term();
    }
    return group;
  }

  private static List<String> labels(Map<String, Map<Integer, Map<String, long[]>>> cells) {
    List<String> labels = new ArrayList<>(LABELS);
    var extra = new TreeMap<String, Boolean>();
    cells
        .values()
        .forEach(g -> g.values().forEach(c -> c.keySet().forEach(l -> extra.put(l, true))));
    extra.keySet().stream().filter(l -> !LABELS.contains(l)).forEach(labels::add);
    return labels;
  }

  private static Map<String, Long> zeroLabels(List<String> labels) {
    Map<String, Long> m = new LinkedHashMap<>();
    labels.forEach(l -> m.put(l, 0L));
    return m;
  }

  static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
