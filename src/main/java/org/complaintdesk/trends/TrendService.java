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
 * Trend reports from the hourly rollups: hours are summed into local days or weeks of the chosen
 * time zone in Java (so DST days of 23 or 25 hours come out right), never by scanning mentions.
 */
public class TrendService {
  /** Label columns in report order; other labels, if any ever appear, follow alphabetically. */
  public static final List<String> LABELS =
      List.of("negative", "neutral", "positive", "unscored", "unsupported", "failed");

  public static final int MAX_BUCKETS = 5000;
  static final String ALL = "all";

  private final Jdbi jdbi;
  private final KeywordService keywords;

  public TrendService(Jdbi jdbi, KeywordService keywords) {
    this.jdbi = jdbi;
    this.keywords = keywords;
  }

  public TrendReport trends(TrendQuery q) {
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
    String expr = q.bucket().sqlIndex(first, end, q.zone());
    var rows =
        jdbi.withExtension(
            TrendQueryDao.class,
            d ->
                d.buckets(
                    expr,
                    first.toEpochMilli(),
                    end.toEpochMilli(),
                    column,
                    filterIds,
                    q.network(),
                    q.language()));

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
