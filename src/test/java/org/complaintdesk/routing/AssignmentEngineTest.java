package org.complaintdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.complaintdesk.routing.AssignmentEngine.Candidate;
import org.complaintdesk.routing.AssignmentEngine.Considered;
import org.complaintdesk.routing.AssignmentEngine.Strategy;
import org.junit.jupiter.api.Test;

class AssignmentEngineTest {
  static Candidate c(long id, String availability, int capacity, int open, String... languages) {
    return new Candidate(
        id, "r" + id, List.of(languages), Set.of(), availability, capacity, open, null);
  }

  static AssignmentEngine.Decision choose(Strategy s, Long last, List<Candidate> cs) {
    return AssignmentEngine.choose(s, last, cs, null, Set.of(), null);
  }

  @Test
  void shouldTakeTheMostSpareCapacityWhenLeastLoaded() {
    var d =
        choose(
            Strategy.LEAST_LOADED,
            null,
            List.of(c(1, "online", 5, 4), c(2, "online", 5, 1), c(3, "online", 10, 7)));
    assertThat(d.chosen()).map(Candidate::userId).contains(2L);
  }

  @Test
  void shouldBreakLeastLoadedTiesByLongestSinceLastAssignment() {
    var a =
        new Candidate(
            1, "a", List.of(), Set.of(), "online", 5, 1, Instant.parse("2026-01-01T10:00:00Z"));
    var b =
        new Candidate(
            2, "b", List.of(), Set.of(), "online", 5, 1, Instant.parse("2026-01-01T09:00:00Z"));
    assertThat(choose(Strategy.LEAST_LOADED, null, List.of(a, b)).chosen())
        .map(Candidate::username)
        .contains("b");
  }

  @Test
  void shouldSkipOfflineAwayAndFullRespondersAndSayWhy() {
    var d =
        choose(
            Strategy.LEAST_LOADED,
            null,
            List.of(
                c(1, "offline", 5, 0),
                c(2, "away", 5, 0),
                c(3, "online", 2, 2),
                c(4, "online", 2, 1)));
    assertThat(d.chosen()).map(Candidate::userId).contains(4L);
    assertThat(d.considered())
        .extracting(Considered::username, Considered::outcome, Considered::reason)
        .contains(
            org.assertj.core.groups.Tuple.tuple("r1", "skipped", "offline"),
            org.assertj.core.groups.Tuple.tuple("r2", "skipped", "away"),
            org.assertj.core.groups.Tuple.tuple("r3", "skipped", "full (2/2 open cases)"));
  }

  @Test
  void shouldChooseNobodyWhenEveryoneIsFullOrAway() {
    var d = choose(Strategy.ROUND_ROBIN, null, List.of(c(1, "away", 5, 0), c(2, "online", 1, 1)));
    assertThat(d.chosen()).isEmpty();
    assertThat(d.considered()).hasSize(2).allMatch(x -> x.outcome().equals("skipped"));
  }

  @Test
  void shouldRotateRoundRobinAndWrapAround() {
    var team =
        List.of(
            c(3, "online", 9, 0),
            c(1, "online", 9, 5),
            c(2, "offline", 9, 0),
            c(5, "online", 9, 0));
    List<Long> picks = new ArrayList<>();
    Long last = null;
    for (int i = 0; i < 5; i++) {
      last = choose(Strategy.ROUND_ROBIN, last, team).chosen().orElseThrow().userId();
      picks.add(last);
    }
    assertThat(picks).containsExactly(1L, 3L, 5L, 1L, 3L);
  }

  @Test
  void shouldPreferTheCustomersLanguageThenTheirPreviousResponder() {
    var de = c(1, "online", 10, 8, "de");
    var en = c(2, "online", 10, 0, "en");
    var enHandled = c(3, "online", 10, 5, "en");
    var d =
        AssignmentEngine.choose(
            Strategy.LEAST_LOADED, null, List.of(de, en, enHandled), "de", Set.of(3L), null);
    assertThat(d.chosen()).map(Candidate::userId).as("speaks German despite the load").contains(1L);
    var d2 =
        AssignmentEngine.choose(
            Strategy.LEAST_LOADED, null, List.of(de, en, enHandled), "en", Set.of(3L), null);
    assertThat(d2.chosen()).map(Candidate::userId).as("handled this customer before").contains(3L);
    assertThat(d2.considered())
        .anySatisfy(
            x -> {
              assertThat(x.username()).isEqualTo("r1");
              assertThat(x.reason()).contains("does not speak en");
            });
  }

  @Test
  void shouldSpreadEvenlyAmongEquallyAbleResponders() {
    Map<Long, Integer> load = new HashMap<>();
    for (long id = 1; id <= 7; id++) {
      load.put(id, 0);
    }
    for (int n = 0; n < 700; n++) {
      List<Candidate> team = new ArrayList<>();
      load.forEach((id, open) -> team.add(c(id, "online", 1000, open)));
      long chosen = choose(Strategy.LEAST_LOADED, null, team).chosen().orElseThrow().userId();
      load.merge(chosen, 1, Integer::sum);
    }
    assertThat(load.values()).containsOnly(100);
  }
}
