package org.complaintdesk.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PriorityScoreTest {
  @Test
  void sumsVisibleParts() {
    var p = PriorityScore.of(0.8, 1_000L, true, Duration.ofHours(1));
    assertThat(p.detractor()).isEqualTo(40.0);
    assertThat(p.reach()).isEqualTo(10.0); // log10(1001) / 6 * 20
    assertThat(p.complaint()).isEqualTo(15.0);
    assertThat(p.waiting()).isEqualTo(3.8); // 60 / 240 * 15
    assertThat(p.total()).isEqualTo(68.8);
  }

  @Test
  void partsAreCappedSoTheTotalStaysWithin100() {
    var p = PriorityScore.of(1.5, 50_000_000L, true, Duration.ofDays(3));
    assertThat(p.total()).isEqualTo(100.0);
  }

  @Test
  void unknownReachAndClockSkewCountAsNothing() {
    var p = PriorityScore.of(0.5, null, false, Duration.ofMinutes(-5));
    assertThat(p.reach()).isZero();
    assertThat(p.waiting()).isZero();
    assertThat(p.total()).isEqualTo(25.0);
  }

  @Test
  void aQuietComplaintWaitingFourHoursOutranksAFreshLoudOne() {
    var quiet = PriorityScore.of(0.7, 10L, true, Duration.ofHours(4));
    var loud = PriorityScore.of(0.7, 1_000_000L, false, Duration.ZERO);
    assertThat(quiet.total()).isGreaterThan(loud.total());
  }
}
