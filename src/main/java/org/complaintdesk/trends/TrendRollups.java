package org.complaintdesk.trends;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.sentiment.SentimentChangeListener;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps the rollups in step with the mentions: on every sentiment save (inside its transaction) it
 * takes back what the mention contributed before and adds what it contributes now. So a re-score
 * moves the mention between labels instead of counting it twice, and a late arrival is counted in
 * the hour it was posted in. Three tables: trend_rollup (hour x keyword x network x language x
 * label, for filtered queries), trend_rollup_kh (hour x keyword x label) and trend_rollup_day (UTC
 * day x keyword x label) for the fast unfiltered path in {@link TrendService}. A re-score that only
 * changes network-independent dimensions leaves the coarse tables untouched (net delta 0).
 */
public class TrendRollups implements SentimentChangeListener {
  private final Jdbi jdbi;

  public TrendRollups(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void onSentimentChanged(Handle handle, Mention before, Mention after) {
    Map<RollupKey, long[]> deltas = new TreeMap<>();
    RollupKey old = RollupKey.of(before);
    RollupKey now = RollupKey.of(after);
    if (old != null) {
      long[] d = deltas.computeIfAbsent(old, k -> new long[2]);
      d[0] -= 1;
      d[1] -= before.detractor() ? 1 : 0;
    }
    if (now != null) {
      long[] d = deltas.computeIfAbsent(now, k -> new long[2]);
      d[0] += 1;
      d[1] += after.detractor() ? 1 : 0;
    }
    deltas.values().removeIf(d -> d[0] == 0 && d[1] == 0);
    if (!deltas.isEmpty()) {
      apply(handle, deltas);
    }
  }

  /** Adds pre-counted hourly deltas to all three tables (the caller owns the transaction). */
  public void addAll(Handle handle, Map<RollupKey, long[]> deltas) {
    apply(handle, deltas);
  }

  private static void apply(Handle handle, Map<RollupKey, long[]> deltas) {
    TrendRollupDao dao = handle.attach(TrendRollupDao.class);
    // Sorted keys: every transaction locks rollup rows in the same order (no deadlock), hourly
    // table first, then kh, then day.
    var hourly = new TreeMap<>(deltas);
    if (hourly.isEmpty()) {
      return;
    }
    dao.addAll(List.copyOf(hourly.keySet()), values(hourly));
    var kh = coarse(deltas, CoarseKey::hourOf);
    if (!kh.isEmpty()) {
      dao.addKh(List.copyOf(kh.keySet()), values(kh));
    }
    var day = coarse(deltas, CoarseKey::dayOf);
    if (!day.isEmpty()) {
      dao.addDay(List.copyOf(day.keySet()), values(day));
    }
  }

  private static TreeMap<CoarseKey, long[]> coarse(
      Map<RollupKey, long[]> deltas, Function<RollupKey, CoarseKey> key) {
    TreeMap<CoarseKey, long[]> out = new TreeMap<>();
    deltas.forEach(
        (k, d) -> {
          long[] c = out.computeIfAbsent(key.apply(k), x -> new long[2]);
          c[0] += d[0];
          c[1] += d[1];
        });
    out.values().removeIf(d -> d[0] == 0 && d[1] == 0);
    return out;
  }

  private static List<TrendRollupDao.Delta> values(Map<?, long[]> deltas) {
    List<TrendRollupDao.Delta> out = new ArrayList<>(deltas.size());
    deltas.values().forEach(d -> out.add(new TrendRollupDao.Delta(d[0], d[1])));
    return out;
  }

  /** Every non-empty rollup row (tests and diagnostics; not for the API's hot path). */
  public List<RollupRow> all() {
    return jdbi.withExtension(TrendRollupDao.class, TrendRollupDao::all);
  }

  /** Every non-empty trend_rollup_kh row (tests and diagnostics). */
  public List<CoarseRow> allKh() {
    return jdbi.withExtension(TrendRollupDao.class, TrendRollupDao::allKh);
  }

  /** Every non-empty trend_rollup_day row (tests and diagnostics). */
  public List<CoarseRow> allDay() {
    return jdbi.withExtension(TrendRollupDao.class, TrendRollupDao::allDay);
  }

  /** One coarse rollup row as stored. */
  public record CoarseRow(
      long startMs, long keywordId, String label, long volume, long detractors) {}
}
