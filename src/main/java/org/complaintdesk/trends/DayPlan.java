package org.complaintdesk.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to add up local days or weeks from UTC-day rollups: each report bucket [E_i, E_i+1) (bucket
 * starts rounded up to whole hours, as the hourly path assigns an hour by its start) gets the UTC
 * days between its edges' nearest UTC midnights ("cuts"), and each edge's hours between the edge
 * and its cut are moved from one bucket to its neighbour. Nearest midnight: at most 12 hours per
 * edge, whatever the zone's offset, and DST only moves the edge.
 *
 * @param cuts n+1 UTC midnights (epoch millis); UTC day d counts for bucket i if cuts[i] <= d <
 *     cuts[i+1]
 * @param corrections hour ranges to move between neighbouring buckets
 */
record DayPlan(long[] cuts, List<Correction> corrections) {
  static final long HOUR_MS = RollupKey.HOUR_MS;
  static final long DAY_MS = CoarseKey.DAY_MS;

  /**
   * The hours [fromMs, toMs) count for bucket {@code plus} and must be taken out of bucket {@code
   * minus} (which got them with a whole UTC day). An index outside [0, n) means "no such bucket".
   */
  record Correction(long fromMs, long toMs, int plus, int minus) {}

  /** The plan for buckets starting at {@code starts} and ending at {@code end}. */
  static DayPlan of(List<Instant> starts, Instant end) {
    int n = starts.size();
    long[] cuts = new long[n + 1];
    List<Correction> corrections = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      long edge = ceilHour((i < n ? starts.get(i) : end).toEpochMilli());
      long midnight = Math.floorDiv(edge, DAY_MS) * DAY_MS;
      long cut = edge - midnight <= DAY_MS / 2 ? midnight : midnight + DAY_MS;
      cuts[i] = cut;
      if (cut > edge) {
        // Hours [edge, cut) came with bucket i-1's last UTC day but belong to bucket i.
        corrections.add(new Correction(edge, cut, i, i - 1));
      } else if (cut < edge) {
        // Hours [cut, edge) came with bucket i's first UTC day but belong to bucket i-1.
        corrections.add(new Correction(cut, edge, i - 1, i));
      }
    }
    return new DayPlan(cuts, corrections);
  }

  /** The bucket a UTC day counts for, or -1 outside [cuts[0], cuts[n]). */
  int bucketOfDay(long dayStart) {
    int i = Arrays.binarySearch(cuts, dayStart);
    if (i < 0) {
      i = -i - 2; // the last cut before dayStart
    } else {
      // equal cuts: empty buckets share a cut; the day belongs to the last of them
      while (i + 1 < cuts.length && cuts[i + 1] == dayStart) {
        i++;
      }
    }
    return i >= 0 && i < cuts.length - 1 ? i : -1;
  }

  /** The correction whose hours contain {@code hourStart}, or null (ranges are disjoint). */
  Correction correctionOf(long hourStart) {
    int lo = 0;
    int hi = corrections.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Correction c = corrections.get(mid);
      if (hourStart < c.fromMs()) {
        hi = mid - 1;
      } else if (hourStart >= c.toMs()) {
        lo = mid + 1;
      } else {
        return c;
      }
    }
    return null;
  }

  static long ceilHour(long ms) {
    return Math.floorDiv(ms + HOUR_MS - 1, HOUR_MS) * HOUR_MS;
  }
}
