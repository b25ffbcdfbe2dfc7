package org.complaintdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.complaintdesk.sla.BusinessCalendar.Shift;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final BusinessCalendar NINE_TO_FIVE =
      BusinessCalendar.weekdays(LONDON, Set.of(), Shift.parse("09:00-17:00"));

  static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  @Nested
  class Add {
    @Test
    void shouldCarryFridayAfternoonOverTheWeekend() {
      // 2026-11-20 is a Friday.
      assertThat(NINE_TO_FIVE.add(london("2026-11-20T16:30"), Duration.ofHours(1)))
          .isEqualTo(london("2026-11-23T09:30"));
    }

    @Test
    void shouldEndExactlyAtClosingTimeWhenTheTargetFits() {
      assertThat(NINE_TO_FIVE.add(london("2026-11-20T16:00"), Duration.ofHours(1)))
          .isEqualTo(london("2026-11-20T17:00"));
    }

    @Test
    void shouldStartCountingAtOpeningWhenPostedBeforeHours() {
      assertThat(NINE_TO_FIVE.add(london("2026-11-23T07:12"), Duration.ofHours(1)))
          .isEqualTo(london("2026-11-23T10:00"));
      assertThat(NINE_TO_FIVE.add(london("2026-11-21T12:00"), Duration.ofMinutes(30)))
          .as("posted on Saturday")
          .isEqualTo(london("2026-11-23T09:30"));
    }

    @Test
    void shouldSkipTheLunchBreakOfASplitShift() {
      var split =
          BusinessCalendar.weekdays(
              LONDON, Set.of(), Shift.parse("09:00-12:00"), Shift.parse("13:00-17:00"));
      assertThat(split.add(london("2026-11-23T11:30"), Duration.ofHours(1)))
          .isEqualTo(london("2026-11-23T13:30"));
      assertThat(split.add(london("2026-11-23T12:15"), Duration.ofMinutes(10)))
          .isEqualTo(london("2026-11-23T13:10"));
      assertThat(split.add(london("2026-11-23T09:00"), Duration.ofHours(8)))
          .as("a full split day is 7 hours")
          .isEqualTo(london("2026-11-24T10:00"));
    }

    @Test
    void shouldSkipHolidays() {
      var christmas =
          BusinessCalendar.weekdays(
              LONDON, Set.of(LocalDate.parse("2026-12-25")), Shift.parse("09:00-17:00"));
      // Thursday 24 Dec 16:30 + 1 h: Friday is a holiday, so Monday 28 Dec 09:30.
      assertThat(christmas.add(london("2026-12-24T16:30"), Duration.ofHours(1)))
          .isEqualTo(london("2026-12-28T09:30"));
    }

    @Test
    void shouldKeepLocalOpeningHoursAcrossTheSpringDstChange() {
      // Clocks go forward on Sunday 29 March 2026: Friday is GMT, Monday is BST.
      Instant due = NINE_TO_FIVE.add(london("2026-03-27T16:30"), Duration.ofHours(1));
      assertThat(due).isEqualTo(london("2026-03-30T09:30"));
      assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:30:00Z"));
    }

    @Test
    void shouldKeepLocalOpeningHoursAcrossTheAutumnDstChange() {
      // Clocks go back on Sunday 25 October 2026: Friday is BST, Monday is GMT.
      Instant due = NINE_TO_FIVE.add(london("2026-10-23T16:30"), Duration.ofHours(1));
      assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:30:00Z"));
    }

    @Test
    void shouldCountRealHoursInCalendarTimeAcrossDst() {
      var always = BusinessCalendar.always(LONDON);
      // Saturday noon + 24 h is Sunday 13:00 local: that Sunday has 23 hours.
      assertThat(always.add(london("2026-03-28T12:00"), Duration.ofHours(24)))
          .isEqualTo(london("2026-03-29T13:00"));
    }

    @Test
    void shouldRejectNegativeDurations() {
      assertThatThrownBy(() -> NINE_TO_FIVE.add(Instant.EPOCH, Duration.ofMinutes(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Between {
    @Test
    void shouldCountOnlyOpenHours() {
      assertThat(NINE_TO_FIVE.between(london("2026-11-20T16:30"), london("2026-11-23T09:30")))
          .isEqualTo(Duration.ofHours(1));
      assertThat(NINE_TO_FIVE.between(london("2026-11-23T09:30"), london("2026-11-20T16:30")))
          .isZero();
    }

    @Test
    void shouldNotCountTheLunchBreak() {
      var split =
          BusinessCalendar.weekdays(
              LONDON, Set.of(), Shift.parse("09:00-12:00"), Shift.parse("13:00-17:00"));
      assertThat(split.between(london("2026-11-23T11:00"), london("2026-11-23T14:00")))
          .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldMeasureANightShiftOnTheShortDayAsThreeHours() {
      var night =
          BusinessCalendar.of(
              LONDON, Map.of(DayOfWeek.SUNDAY, List.of(Shift.parse("00:00-04:00"))), Set.of());
      assertThat(night.between(london("2026-03-29T00:00"), london("2026-03-29T12:00")))
          .isEqualTo(Duration.ofHours(3));
      assertThat(night.between(london("2026-10-25T00:00"), london("2026-10-25T12:00")))
          .as("the long autumn night")
          .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void shouldAgreeWithAdd() {
      Instant start = london("2026-11-19T15:47");
      for (int minutes : new int[] {0, 1, 59, 60, 480, 481, 2000, 10_000}) {
        Instant due = NINE_TO_FIVE.add(start, Duration.ofMinutes(minutes));
        assertThat(NINE_TO_FIVE.between(start, due)).isEqualTo(Duration.ofMinutes(minutes));
      }
    }

    @Test
    void shouldCountMidnightInA24By7BusinessCalendar() {
      var allDay =
          BusinessCalendar.weekdays(
              ZoneId.of("Europe/Berlin"), Set.of(), Shift.parse("00:00-24:00"));
      // Zammad #3180 lost a minute at midnight.
      Instant mon =
          LocalDateTime.parse("2026-11-23T23:00").atZone(ZoneId.of("Europe/Berlin")).toInstant();
      assertThat(allDay.between(mon, mon.plus(Duration.ofHours(2)))).isEqualTo(Duration.ofHours(2));
    }
  }

  @Nested
  class Validation {
    @Test
    void shouldRejectOverlappingShifts() {
      assertThatThrownBy(
              () ->
                  BusinessCalendar.weekdays(
                      LONDON, Set.of(), Shift.parse("09:00-13:00"), Shift.parse("12:00-17:00")))
          .hasMessageContaining("overlap");
    }

    @Test
    void shouldRejectMalformedShifts() {
      assertThatThrownBy(() -> Shift.parse("9-5")).hasMessageContaining("not a time");
      assertThatThrownBy(() -> Shift.parse("17:00-09:00")).hasMessageContaining("start before");
      assertThatThrownBy(() -> Shift.parse("0900")).hasMessageContaining("looks like");
    }

    @Test
    void shouldRejectACalendarWithoutShifts() {
      assertThatThrownBy(() -> BusinessCalendar.of(LONDON, Map.of(), Set.of()))
          .hasMessageContaining("at least one shift");
    }

    @Test
    void shouldFindTheNextOpenShiftWeeksAway() {
      var sundaysOnly =
          BusinessCalendar.of(
              LONDON,
              Map.of(DayOfWeek.SUNDAY, List.of(Shift.parse("09:00-10:00"))),
              Set.of(LocalDate.parse("2026-11-22")));
      assertThat(sundaysOnly.add(london("2026-11-21T12:00"), Duration.ofMinutes(30)))
          .isEqualTo(london("2026-11-29T09:30"));
    }
  }
}
