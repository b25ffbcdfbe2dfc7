package org.complaintdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.util.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.complaintdesk.auth.User;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.CaseFixture;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batched backlog pass: several pages, fair spread, capacity, a log row for every case. */
class BacklogPassTest {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;
  CaseFixture f;
  RoutingService routing;

  @BeforeEach
  void setUp() {
    f = new CaseFixture(TestDatabases.sqlite(dir), T0, java.time.Duration.ZERO);
    var config = new RoutingConfiguration();
    config.heartbeatTimeout = Duration.minutes(2);
    routing =
        new RoutingService(
            f.jdbi, f.cases, f.auth, new KeywordService(f.jdbi, f.clock), config, f.clock);
    f.cases.addListener(routing);
  }

  private long teamOf(String strategy, int capacity, String... names) {
    long team = routing.saveTeam(null, "care", strategy, "oldest_first", null).id();
    for (String n : names) {
      User u = f.responder(n, "en");
      routing.heartbeat(u, "online");
      routing.updateResponder(n, capacity, null);
      routing.addMember(team, n);
    }
    return team;
  }

  private Map<String, Integer> openPerResponder() {
    return f.jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT u.username AS k, COUNT(*) AS v FROM cases c JOIN users u"
                        + " ON u.id = c.assignee_id WHERE c.status <> 'resolved' GROUP BY u.username")
                .reduceRows(
                    new java.util.TreeMap<String, Integer>(),
                    (m, r) -> {
                      m.put(r.getColumn("k", String.class), r.getColumn("v", Integer.class));
                      return m;
                    }));
  }

  private int count(String sql) {
    return f.jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  @Test
  void shouldSpreadABacklogOfSeveralPagesEvenlyAndLogEveryDecision() {
    long team = teamOf("least_loaded", 2000, "ann", "bob", "cy");
    int n = RoutingService.PAGE * 2 + 500;
    Backlogs.queue(f.jdbi, team, n, T0.minusSeconds(n));

    assertThat(routing.assignBacklog(team)).isEqualTo(n);

    var perResponder = openPerResponder();
    assertThat(perResponder).containsOnlyKeys("ann", "bob", "cy");
    assertThat(
            perResponder.values().stream().mapToInt(i -> i).max().getAsInt()
                - perResponder.values().stream().mapToInt(i -> i).min().getAsInt())
        .as("spread")
        .isLessThanOrEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM cases WHERE assignee_id IS NULL")).isZero();
    assertThat(
            count("SELECT COUNT(DISTINCT case_id) FROM assignment_log WHERE outcome = 'assigned'"))
        .isEqualTo(n);
    assertThat(
            count(
                "SELECT COUNT(*) FROM assignment_log l JOIN cases c ON c.id = l.case_id"
                    + " WHERE l.chosen_user_id <> c.assignee_id"))
        .as("the log names the responder who got the case")
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM events WHERE type = 'assigned' AND actor = 'routing'"))
        .isEqualTo(n);
    long someCase = count("SELECT MAX(id) FROM cases");
    assertThat(routing.assignmentLog(someCase))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo("assigned");
              assertThat(e.candidates()).hasSize(3);
              assertThat(e.candidates())
                  .filteredOn(c -> c.outcome().equals("chosen"))
                  .singleElement()
                  .satisfies(c -> assertThat(c.username()).isEqualTo(e.chosen()));
            });
  }

  @Test
  void shouldFillEveryoneToCapacityAndLeaveTheNewestQueuedInOrder() {
    long team = teamOf("round_robin", 700, "ann", "bob");
    Backlogs.queue(f.jdbi, team, 1500, T0.minusSeconds(1500));

    assertThat(routing.assignBacklog(team)).isEqualTo(1400);

    assertThat(openPerResponder()).containsEntry("ann", 700).containsEntry("bob", 700);
    List<Long> waiting =
        f.jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM cases WHERE assignee_id IS NULL ORDER BY opened_at")
                    .mapTo(Long.class)
                    .list());
    assertThat(waiting).hasSize(100);
    assertThat(
            count(
                "SELECT COUNT(*) FROM cases WHERE assignee_id IS NOT NULL AND opened_at > (SELECT"
                    + " MIN(opened_at) FROM cases WHERE assignee_id IS NULL)"))
        .as("oldest first: nobody newer than a waiting case was assigned")
        .isZero();
    assertThat(routing.assignmentLog(waiting.get(0)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo("queued");
              assertThat(e.candidates())
                  .extracting(AssignmentEngine.Considered::reason)
                  .containsOnly("full (700/700 open cases)");
            });
  }

  @Test
  void shouldLeaveACaseClaimedByHandToItsClaimer() {
    long team = teamOf("least_loaded", 10, "ann");
    Backlogs.queue(f.jdbi, team, 3, T0.minusSeconds(3));
    long first = count("SELECT MIN(id) FROM cases");
    User hand = f.responder("hand", "en");
    f.cases.claim(first, hand);

    assertThat(routing.assignBacklog(team)).isEqualTo(2);
    assertThat(f.cases.get(first).assignee()).isEqualTo("hand");
    assertThat(routing.assignmentLog(first)).isEmpty();
  }
}
