package org.complaintdesk.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.sentiment.SentimentResult;

/**
 * One trend_rollup row's identity: the UTC hour a mention was posted in (not when it arrived, so
 * late arrivals land in the right bucket) and its dimensions.
 */
public record RollupKey(
    long bucketStart, long keywordId, String network, String language, String label)
    implements Comparable<RollupKey> {
  static final long HOUR_MS = Duration.ofHours(1).toMillis();
  static final String PENDING = "pending";

  /** Fixed order, so concurrent transactions touch rollup rows in the same order (no deadlock). */
  private static final Comparator<RollupKey> ORDER =
      Comparator.comparingLong(RollupKey::bucketStart)
          .thenComparingLong(RollupKey::keywordId)
          .thenComparing(RollupKey::network)
          .thenComparing(RollupKey::language)
          .thenComparing(RollupKey::label);

  public static long hourOf(Instant t) {
    return Math.floorDiv(t.toEpochMilli(), HOUR_MS) * HOUR_MS;
  }

  /** Where a mention counts, or null while it is still pending (not counted yet). */
  public static RollupKey of(Mention m) {
    if (m == null || m.sentimentStatus() == null || PENDING.equals(m.sentimentStatus())) {
      return null;
    }
    return new RollupKey(
        hourOf(m.postedAt()),
        m.keywordId() == null ? 0 : m.keywordId(),
        m.network().key(),
        m.language() == null ? "" : m.language(),
        labelOf(m.sentimentStatus(), m.sentimentLabel()));
  }

  /** The sentiment label for scored mentions, otherwise the status (unscored, failed ...). */
  public static String labelOf(String status, String label) {
    return SentimentResult.SCORED.equals(status) && label != null ? label : status;
  }

  @Override
  public int compareTo(RollupKey o) {
    return ORDER.compare(this, o);
  }
}
