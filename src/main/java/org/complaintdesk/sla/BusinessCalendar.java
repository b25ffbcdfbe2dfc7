package org.complaintdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business hours: a time zone, shifts per weekday (several per day, e.g. 09:00-12:00 and
 * 13:00-17:00) and holidays. Shifts are local wall-clock times, so across a DST change a
 * 09:00-17:00 shift still opens at 09:00 local time; arithmetic is done on instants, so an hour is
 * always an hour. {@link #always(ZoneId)} is the 24/7 calendar used for "calendar time" policies.
 */
public final class BusinessCalendar {
  /** Searching further than this for an open shift means the calendar has none: fail loudly. */
  private static final int MAX_DAYS = 3 * 366;

  /** A shift as minutes from local midnight; end may be 1440 (24:00). */
  public record Shift(int startMinute, int endMinute) {
    public Shift {
      if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
        throw new IllegalArgumentException(
            "a shift must start before it ends, within one day: " + startMinute + "-" + endMinute);
      }
    }

    /** Parses {@code "09:00-12:00"}; {@code "24:00"} is accepted as the end of the day. */
    public static Shift parse(String text) {
      String[] parts = text == null ? new String[0] : text.trim().split("-");
      if (parts.length != 2) {
        throw new IllegalArgumentException("a shift looks like 09:00-17:00, got '" + text + "'");
      }
      return new Shift(minutes(parts[0]), minutes(parts[1]));
    }

    private static int minutes(String hhmm) {
      String s = hhmm.trim();
      if (s.equals("24:00")) {
        return 1440;
      }
      try {
        return LocalTime.parse(s).toSecondOfDay() / 60;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + s + "' is not a time like 09:00");
      }
    }

    @Override
    public String toString() {
      return String.format(
          "%02d:%02d-%02d:%02d",
          startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60);
    }
  }

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Shift>> week;
  private final Set<LocalDate> holidays;
  private final boolean always;

  private BusinessCalendar(
      ZoneId zone, Map<DayOfWeek, List<Shift>> week, Set<LocalDate> holidays, boolean always) {
    this.zone = zone;
    this.week = week;
    this.holidays = holidays;
    this.always = always;
  }

  public static BusinessCalendar always(ZoneId zone) {
    return new BusinessCalendar(zone, Map.of(), Set.of(), true);
  }

  /** A calendar; shifts of one day must not overlap. */
  public static BusinessCalendar of(
      ZoneId zone, Map<DayOfWeek, List<Shift>> week, Set<LocalDate> holidays) {
    Map<DayOfWeek, List<Shift>> copy = new EnumMap<>(DayOfWeek.class);
    week.forEach(
        (day, shifts) -> {
          List<Shift> sorted =
              new ArrayList<>(
                  shifts.stream().sorted(Comparator.comparingInt(Shift::startMinute)).toList());
          for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startMinute() < sorted.get(i - 1).endMinute()) {
              throw new IllegalArgumentException(
                  "shifts on " + day + " overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
          }
          copy.put(day, List.copyOf(sorted));
        });
    if (copy.values().stream().allMatch(List::isEmpty)) {
      throw new IllegalArgumentException("a business calendar needs at least one shift");
    }
    return new BusinessCalendar(zone, copy, Set.copyOf(holidays), false);
  }

  /** Monday to Friday, the same shifts every day. */
  public static BusinessCalendar weekdays(ZoneId zone, Set<LocalDate> holidays, Shift... shifts) {
    Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
        week.put(d, List.of(shifts));
      }
    }
    return of(zone, week, holidays);
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isAlways() {
    return always;
  }

  public Map<DayOfWeek, List<Shift>> week() {
    return week;
  }

  public Set<LocalDate> holidays() {
    return holidays;
  }

  /** The instant when {@code amount} of business time has passed after {@code start}. */
  public Instant add(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot add a negative duration");
    }
    if (always) {
      return start.plus(amount);
    }
    Duration left = amount;
    LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      for (Instant[] open : openIntervals(day)) {
        Instant from = open[0].isBefore(start) ? start : open[0];
        if (!from.isBefore(open[1])) {
          continue;
        }
        Duration available = Duration.between(from, open[1]);
        if (left.isZero()) {
          return from;
        }
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException("no business hours within " + MAX_DAYS + " days of " + start);
  }

  /** Business time between two instants (zero if {@code to} is not after {@code from}). */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (always) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      for (Instant[] open : openIntervals(day)) {
        Instant a = open[0].isBefore(from) ? from : open[0];
        Instant b = open[1].isAfter(to) ? to : open[1];
        if (a.isBefore(b)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  /** Whether the desk is open at this instant. */
  public boolean isOpen(Instant at) {
    return always || between(at, at.plusMillis(1)).toMillis() == 1;
  }

  private List<Instant[]> openIntervals(LocalDate day) {
    if (holidays.contains(day)) {
      return List.of();
    }
    List<Instant[]> out = new ArrayList<>();
    for (Shift s : week.getOrDefault(day.getDayOfWeek(), List.of())) {
      out.add(new Instant[] {at(day, s.startMinute()), at(day, s.endMinute())});
    }
    return out;
  }

  /**
   * Local minute of a day as an instant. Local times inside a DST gap move forward (a shift from
   * 01:30 on a spring-forward night opens at 02:00 local), times in an overlap take the earlier
   * offset: {@link java.time.ZonedDateTime}'s rules.
   */
  private Instant at(LocalDate day, int minute) {
    return day.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant();
  }
}
