package org.complaintdesk.trends;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A report bucket in a time zone. Days and weeks are local calendar days and ISO weeks (Monday
 * first), so across a DST change a day has 23 or 25 hours; they are sums of hourly UTC rollups.
 * Hour buckets are UTC hours (in zones with a non-whole-hour offset they start at :30 or :45 local
 * time: the rollups are hourly, so nothing finer can be answered).
 */
public enum Bucket {
  HOUR,
  DAY,
  WEEK;

  /** Start of the bucket containing {@code t}. */
  public Instant startOf(Instant t, ZoneId zone) {
    return switch (this) {
      case HOUR -> Instant.ofEpochMilli(RollupKey.hourOf(t));
      case DAY -> t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
      case WEEK ->
          t.atZone(zone)
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .atStartOfDay(zone)
              .toInstant();
    };
  }

  /** Start of the bucket after the one starting at {@code start}. */
  public Instant next(Instant start, ZoneId zone) {
    return switch (this) {
      case HOUR -> start.plus(1, ChronoUnit.HOURS);
      case DAY -> nextLocal(start, zone, 1);
      case WEEK -> nextLocal(start, zone, 7);
    };
  }

  private static Instant nextLocal(Instant start, ZoneId zone, int days) {
    ZonedDateTime local = start.atZone(zone);
    return local.toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
  }
}
