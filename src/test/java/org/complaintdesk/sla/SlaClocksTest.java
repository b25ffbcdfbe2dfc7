package org.complaintdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.complaintdesk.sla.BusinessCalendarTest.LONDON;
import static org.complaintdesk.sla.BusinessCalendarTest.NINE_TO_FIVE;
import static org.complaintdesk.sla.BusinessCalendarTest.london;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.complaintdesk.common.Network;
import org.complaintdesk.sla.SlaPolicy.CaseFacts;
import org.complaintdesk.sla.SlaPolicy.Condition;
import org.complaintdesk.sla.SlaTimer.Pause;
import org.junit.jupiter.api.Test;

class SlaClocksTest {
  static final SlaPolicy POLICY =
      new SlaPolicy(
          1,
          "standard",
          10,
          Condition.ANY,
          Duration.ofHours(1),
          Duration.ofMinutes(30),
          Duration.ofHours(4),
          7L,
          80);

  static final Instant MON_9 = london("2026-11-23T09:00");

  @Test
  void shouldStartEveryClockAtTheCustomersPost() {
    var due =
        SlaClocks.due(POLICY, NINE_TO_FIVE, new SlaClocks.Facts(MON_9, null, null, null, null));
    assertThat(due.firstResponseDue()).isEqualTo(london("2026-11-23T10:00"));
    assertThat(due.nextResponseDue()).isNull();
    assertThat(due.resolutionDue()).isEqualTo(london("2026-11-23T13:00"));
    assertThat(due.earliest()).isEqualTo(due.firstResponseDue());
  }

  @Test
  void shouldRunTheNextResponseClockOnlyWhileTheCustomerWaits() {
    Instant replied = london("2026-11-23T09:20");
    var weSpokeLast =
        SlaClocks.due(POLICY, NINE_TO_FIVE, new SlaClocks.Facts(MON_9, replied, null, null, null));
    assertThat(weSpokeLast.firstResponseDue()).isNull();
    assertThat(weSpokeLast.nextResponseDue()).isNull();

    var customerWroteAgain =
        SlaClocks.due(
            POLICY,
            NINE_TO_FIVE,
            new SlaClocks.Facts(MON_9, replied, london("2026-11-23T16:50"), null, null));
    assertThat(customerWroteAgain.nextResponseDue()).isEqualTo(london("2026-11-24T09:20"));
    assertThat(customerWroteAgain.earliest()).isEqualTo(london("2026-11-23T13:00"));
  }

  @Test
  void shouldPauseWhileWaitingOnTheCustomerAndResume() {
    Instant replied = london("2026-11-23T09:20");
    var waiting = List.of(new Pause(london("2026-11-23T10:00"), null));
    var paused =
        SlaClocks.due(
            POLICY, NINE_TO_FIVE, new SlaClocks.Facts(MON_9, replied, null, null, waiting));
    assertThat(paused.resolutionDue()).as("no due time while paused").isNull();
    assertThat(paused.earliest()).isNull();

    var resumed = List.of(new Pause(london("2026-11-23T10:00"), london("2026-11-23T12:00")));
    var running =
        SlaClocks.due(
            POLICY, NINE_TO_FIVE, new SlaClocks.Facts(MON_9, replied, null, null, resumed));
    assertThat(running.resolutionDue()).isEqualTo(london("2026-11-23T15:00"));
    assertThat(SlaClocks.counted(NINE_TO_FIVE, MON_9, london("2026-11-23T15:00"), resumed))
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void shouldNotCountAPauseOutsideBusinessHoursTwice() {
    // Paused overnight: closed hours are neither counted nor "paused" again.
    var overnight = List.of(new Pause(london("2026-11-23T16:00"), london("2026-11-24T10:00")));
    Instant due = SlaTimer.due(NINE_TO_FIVE, MON_9, Duration.ofHours(8), overnight);
    assertThat(due).isEqualTo(london("2026-11-24T11:00"));
  }

  @Test
  void shouldStopAtResolveAndContinueAfterReopen() {
    Instant replied = london("2026-11-23T09:20");
    var resolved =
        SlaClocks.due(
            POLICY,
            NINE_TO_FIVE,
            new SlaClocks.Facts(MON_9, replied, null, london("2026-11-23T11:00"), null));
    assertThat(resolved).isEqualTo(SlaClocks.DueTimes.NONE);

    // Reopened at 14:00 by a new post: the resolved stretch is a pause, the customer waits again.
    Instant reopened = london("2026-11-23T14:00");
    var facts =
        new SlaClocks.Facts(
            MON_9,
            replied,
            reopened,
            null,
            List.of(new Pause(london("2026-11-23T11:00"), reopened)));
    var due = SlaClocks.due(POLICY, NINE_TO_FIVE, facts);
    assertThat(due.nextResponseDue()).isEqualTo(london("2026-11-23T14:30"));
    assertThat(due.resolutionDue()).isEqualTo(london("2026-11-23T16:00"));
  }

  @Test
  void shouldCountCalendarTimeWhenThePolicyHasNoCalendar() {
    var always = BusinessCalendar.always(LONDON);
    var due =
        SlaClocks.due(
            POLICY,
            always,
            new SlaClocks.Facts(london("2026-11-20T16:30"), null, null, null, null));
    assertThat(due.firstResponseDue()).isEqualTo(london("2026-11-20T17:30"));
  }

  @Test
  void shouldReportTheShareOfTheTargetUsed() {
    assertThat(
            SlaClocks.percentUsed(
                NINE_TO_FIVE,
                london("2026-11-20T16:30"),
                london("2026-11-23T09:18"),
                Duration.ofHours(1),
                List.of()))
        .isEqualTo(80);
  }

  @Test
  void shouldChoosePoliciesInExplicitOrderNotByName() {
    var vip =
        new SlaPolicy(
            2,
            "a-vip",
            1,
            new Condition(80.0, Set.of(Network.DEMO), null),
            Duration.ofMinutes(15),
            null,
            null,
            null,
            80);
    var teamB =
        new SlaPolicy(
            3,
            "b-team",
            2,
            new Condition(null, null, Set.of(5L)),
            Duration.ofMinutes(45),
            null,
            null,
            null,
            80);
    var fallback = POLICY;
    var all = List.of(fallback, teamB, vip);
    assertThat(PolicySelector.select(all, new CaseFacts(90, Network.DEMO, 5L))).contains(vip);
    assertThat(PolicySelector.select(all, new CaseFacts(50, Network.DEMO, 5L))).contains(teamB);
    assertThat(PolicySelector.select(all, new CaseFacts(90, Network.DEMO, null)))
        .as("team condition needs a team")
        .contains(vip);
    assertThat(PolicySelector.select(all, new CaseFacts(10, Network.DEMO, 6L))).contains(fallback);
    assertThat(PolicySelector.select(List.of(vip), new CaseFacts(10, Network.DEMO, 6L))).isEmpty();
  }
}
