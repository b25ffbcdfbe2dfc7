package org.complaintdesk.trends;

import java.time.Duration;
import java.util.Comparator;

/**
 * A row of trend_rollup_kh (start = UTC hour) or trend_rollup_day (start = UTC day): the hourly key
 * without network and language, which unfiltered queries do not need.
 */
public record CoarseKey(long start, long keywordId, String label) implements Comparable<CoarseKey> {
  static final long DAY_MS = Duration.ofDays(1).toMillis();

  private static final Comparator<CoarseKey> ORDER =
      Comparator.comparingLong(CoarseKey::start)
          .thenComparingLong(CoarseKey::keywordId)
          .thenComparing(CoarseKey::label);

  static CoarseKey hourOf(RollupKey k) {
    return new CoarseKey(k.bucketStart(), k.keywordId(), k.label());
  }

  static CoarseKey dayOf(RollupKey k) {
    return new CoarseKey(Math.floorDiv(k.bucketStart(), DAY_MS) * DAY_MS, k.keywordId(), k.label());
  }

  @Override
  public int compareTo(CoarseKey o) {
    return ORDER.compare(this, o);
  }
}
