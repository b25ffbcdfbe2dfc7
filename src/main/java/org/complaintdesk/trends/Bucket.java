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

  /**
   * A SQL expression giving each rollup hour's bucket number: UTC hour number for HOUR; for DAY and
   * WEEK the local epoch day (or Monday-based week) of the hour's start, using the zone's offset in
   * each DST segment of [from, to). Only numbers go into the text.
   */
  public String sqlIndex(Instant from, Instant to, ZoneId zone) {
    if (this == HOUR) {
      return "(bucket_start / 3600000)";
    }
    StringBuilder whens = new StringBuilder();
    var rules = zone.getRules();
    Instant t = from;
    long offsetMs;
    while (true) {
      offsetMs = rules.getOffset(t).getTotalSeconds() * 1000L;
      var next = rules.nextTransition(t);
      if (next == null || !next.getInstant().isBefore(to)) {
        break;
      }
      whens
          .append(" WHEN bucket_start < ")
          .append(next.getInstant().toEpochMilli())
          .append(" THEN (bucket_start + ")
          .append(offsetMs)
          .append(") / 86400000");
      t = next.getInstant();
    }
    String last = "(bucket_start + " + offsetMs + ") / 86400000";
    String day = whens.isEmpty() ? "(" + last + ")" : "(CASE" + whens + " ELSE " + last + " END)";
    return this == DAY ? day.toString() : "((" + day + " + 3) / 7)";
  }

  /** The bucket number of a bucket start (same numbering as {@link #sqlIndex}). */
  public long index(Instant start, ZoneId zone) {
    return switch (this) {
      case HOUR -> Math.floorDiv(start.toEpochMilli(), RollupKey.HOUR_MS);
      case DAY -> start.atZone(zone).toLocalDate().toEpochDay();
      case WEEK -> Math.floorDiv(start.atZone(zone).toLocalDate().toEpochDay() + 3, 7);
    };
  }

  private static Instant nextLocal(Instant start, ZoneId zone, int days) {
    ZonedDateTime local = start.atZone(zone);
    return local.toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
  }
}
