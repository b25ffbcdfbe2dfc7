package org.complaintdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ClientErrorException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.complaintdesk.auth.AuthConfiguration;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.customers.CustomerService;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sla.SlaService;
import org.complaintdesk.testing.CaseFixture;
import org.complaintdesk.testing.MutableClock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Two routing instances (own connections, own services, as two servers would have) run backlogs at
 * once on real threads while a responder claims cases by hand: no case is assigned twice and nobody
 * ends up over capacity. The responders belong to two teams, so per-team serialisation alone (or a
 * lock inside one JVM) would let each instance fill them up once per team.
 */
abstract class MultiInstanceRoutingContract {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  static final int RESPONDERS = 5;
  static final int CAPACITY = 40;

  /** A migrated database. */
  abstract Jdbi first();

  /** A second, independent connection source to the database {@link #first()} returned. */
  abstract Jdbi second();

  private static RoutingService routing(
      Jdbi jdbi, CaseService cases, AuthService auth, MutableClock clock) {
    var config = new RoutingConfiguration();
    config.heartbeatTimeout = io.dropwizard.util.Duration.hours(1);
    return new RoutingService(jdbi, cases, auth, new KeywordService(jdbi, clock), config, clock);
  }

  @Test
  void shouldNeverAssignACaseTwiceNorOverfillAResponderWhenTwoInstancesRunTheBacklog()
      throws Exception {
    var f = new CaseFixture(first(), T0, Duration.ZERO);
    RoutingService a = routing(f.jdbi, f.cases, f.auth, f.clock);
    Jdbi j2 = second();
    var auth2 = new AuthService(j2, f.clock, new AuthConfiguration());
    var events2 = new EventLog(j2);
    var cases2 =
        new CaseService(
            j2,
            new MentionService(j2),
            auth2,
            events2,
            f.clock,
            new SlaService(j2, ZoneOffset.UTC),
            new CustomerService(j2, events2, f.clock),
            Duration.ZERO);
    RoutingService b = routing(j2, cases2, auth2, f.clock);

    long north = a.saveTeam(null, "north", "least_loaded", "oldest_first", null).id();
    long south = a.saveTeam(null, "south", "round_robin", "oldest_first", null).id();
    for (int i = 0; i < RESPONDERS; i++) {
      User u = f.responder("r" + i, "en");
      a.heartbeat(u, "online");
      a.updateResponder(u.username(), CAPACITY, null);
      a.addMember(north, u.username());
      a.addMember(south, u.username());
    }
    User hand = f.responder("hand", "en");
    Backlogs.queue(f.jdbi, north, 300, T0.minus(Duration.ofHours(1)));
    Backlogs.queue(f.jdbi, south, 300, T0.minus(Duration.ofHours(1)));
    List<Long> oldest =
        f.jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM cases ORDER BY opened_at LIMIT 300")
                    .mapTo(Long.class)
                    .list());

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Integer>> work = new ArrayList<>();
      for (RoutingService r : List.of(a, b)) {
        work.add(
            () -> {
              start.await();
              int n = 0;
              for (int round = 0; round < 3; round++) {
                // Each instance works both teams, in opposite orders.
                n += r.assignBacklog(r == a ? north : south);
                n += r.assignBacklog(r == a ? south : north);
              }
              return n;
            });
      }
      work.add(
          () -> {
            start.await();
            int won = 0;
            for (int i = oldest.size() - 1; i >= 0; i -= 10) {
              try {
                cases2.claim(oldest.get(i), hand);
                won++;
              } catch (ClientErrorException e) {
                assertThat(e.getResponse().getStatus()).isEqualTo(409);
              }
            }
            return won;
          });
      List<Future<Integer>> results = new ArrayList<>();
      work.forEach(w -> results.add(pool.submit(w)));
      start.countDown();
      int routed =
          results.get(0).get(120, TimeUnit.SECONDS) + results.get(1).get(120, TimeUnit.SECONDS);
      results.get(2).get(120, TimeUnit.SECONDS);

      assertThat(routed).as("exactly the responders' capacity").isEqualTo(RESPONDERS * CAPACITY);
    } finally {
      pool.shutdownNow();
    }

    var open = f.cases.openCountsByAssignee();
    for (int i = 0; i < RESPONDERS; i++) {
      long id = f.auth.findUser("r" + i).orElseThrow().id();
      assertThat(open.getOrDefault(id, 0)).as("r" + i + " open cases").isEqualTo(CAPACITY);
    }
    assertThat(
            count(
                f.jdbi,
                "SELECT COUNT(*) FROM (SELECT case_id FROM events WHERE type IN"
                    + " ('assigned', 'claimed') GROUP BY case_id HAVING COUNT(*) > 1) x"))
        .as("cases assigned or claimed twice")
        .isZero();
    assertThat(
            count(
                f.jdbi,
                "SELECT COUNT(*) FROM (SELECT case_id FROM assignment_log WHERE outcome ="
                    + " 'assigned' GROUP BY case_id HAVING COUNT(*) > 1) x"))
        .isZero();
    assertThat(
            count(
                f.jdbi,
                "SELECT COUNT(*) FROM assignment_log l JOIN cases c ON c.id = l.case_id"
                    + " WHERE l.outcome = 'assigned' AND l.chosen_user_id <> c.assignee_id"))
        .as("a logged assignment that another one overwrote")
        .isZero();
  }

  private static int count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
