package org.complaintdesk.trends;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.sentiment.SentimentChangeListener;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps trend_rollup in step with the mentions: on every sentiment save (inside its transaction) it
 * takes back what the mention contributed before and adds what it contributes now. So a re-score
 * moves the mention between labels instead of counting it twice, and a late arrival is counted in
 * the hour it was posted in.
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
    TrendRollupDao dao = handle.attach(TrendRollupDao.class);
    // TreeMap order: every transaction locks rollup rows in the same order.
    deltas.forEach(
        (k, d) -> {
          if (d[0] != 0 || d[1] != 0) {
            dao.add(k, d[0], d[1]);
          }
        });
  }

  /** Adds pre-counted deltas in one batch (bulk loads; the caller owns the transaction). */
  public void addAll(Handle handle, Map<RollupKey, long[]> deltas) {
    var keys = List.copyOf(new TreeMap<>(deltas).keySet());
    var values =
        keys.stream()
            .map(k -> new TrendRollupDao.Delta(deltas.get(k)[0], deltas.get(k)[1]))
            .toList();
    handle.attach(TrendRollupDao.class).addAll(keys, values);
  }

  /** Every non-empty rollup row (tests and diagnostics; not for the API's hot path). */
  public List<RollupRow> all() {
    return jdbi.withExtension(TrendRollupDao.class, TrendRollupDao::all);
  }
}
