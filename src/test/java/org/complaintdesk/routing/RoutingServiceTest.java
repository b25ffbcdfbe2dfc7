package org.complaintdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.util.Duration;
import java.nio.file.Path;
import java.time.Instant;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.common.Network;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.CaseFixture;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingServiceTest {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;
  CaseFixture f;
  RoutingService routing;
  RoutingConfiguration config = new RoutingConfiguration();

  @BeforeEach
  void setUp() {
    f = new CaseFixture(TestDatabases.sqlite(dir), T0, java.time.Duration.ofHours(1));
    config.heartbeatTimeout = Duration.minutes(2);
    routing =
        new RoutingService(
            f.jdbi, f.cases, f.auth, new KeywordService(f.jdbi, f.clock), config, f.clock);
    f.cases.addListener(routing);
  }

  private long team(String name, String strategy, String backlog, String... members) {
    long id = routing.saveTeam(null, name, strategy, backlog, null).id();
    for (String m : members) {
      routing.addMember(id, m);
    }
    return id;
  }

  private void rule(String name, int position, Network network, Double minPriority, long teamId) {
    routing.saveRule(
        null,
        new RoutingRule(0, position, name, null, null, network, null, minPriority, null, teamId));
  }

  private User online(String name, int capacity, String... languages) {
    User u = f.responder(name, languages);
    routing.heartbeat(u, "online");
    routing.updateResponder(name, capacity, null);
    return u;
  }

  @Test
  void shouldRouteByTheFirstMatchingRuleInPositionOrder() {
    online("ann", 5);
    online("bob", 5);
    long vip = team("vip", "least_loaded", "oldest_first", "ann");
    long general = team("general", "least_loaded", "oldest_first", "bob");
    rule("everything on mastodon", 20, Network.MASTODON, null, general);
    rule("very angry", 10, null, 45.0, vip);

    Case angry = f.complaint(Network.MASTODON, "carol", T0); // priority 45 + 3.5 (10 followers)
    assertThat(angry.teamId()).isEqualTo(vip);
    assertThat(angry.assignee()).isEqualTo("ann");
    Case mild = f.cases.openOrJoin(f.post(Network.MASTODON, "dave", "Acme meh", T0), 0.6);
    mild = f.cases.get(mild.id());
    assertThat(mild.teamId()).isEqualTo(general);
    assertThat(mild.assignee()).isEqualTo("bob");

    var log = routing.assignmentLog(angry.id());
    assertThat(log)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo("assigned");
              assertThat(e.rule()).isEqualTo("very angry");
              assertThat(e.team()).isEqualTo("vip");
              assertThat(e.chosen()).isEqualTo("ann");
              assertThat(e.candidates())
                  .extracting(AssignmentEngine.Considered::outcome)
                  .containsExactly("chosen");
            });
  }

  @Test
  void shouldQueueWhenEveryoneIsFullAndAssignTheBacklogOldestFirstWhenCapacityFrees() {
    User ann = online("ann", 1);
    long t = team("care", "round_robin", "oldest_first", "ann");
    rule("all", 1, null, null, t);

    Case first = f.complaint(Network.MASTODON, "u1", T0);
    Case older = f.complaint(Network.MASTODON, "u2", T0.minusSeconds(300));
    Case newer = f.complaint(Network.MASTODON, "u3", T0.plusSeconds(300));
    assertThat(f.cases.get(first.id()).assignee()).isEqualTo("ann");
    assertThat(f.cases.get(older.id()).assignee()).isNull();
    assertThat(routing.assignmentLog(older.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo("queued");
              assertThat(e.candidates())
                  .singleElement()
                  .satisfies(c -> assertThat(c.reason()).isEqualTo("full (1/1 open cases)"));
            });

    f.cases.resolve(first.id(), ann);
    assertThat(f.cases.get(older.id()).assignee())
        .as("oldest waiting customer first")
        .isEqualTo("ann");
    assertThat(f.cases.get(newer.id()).assignee()).isNull();
  }

  @Test
  void shouldAssignTheBacklogHighestPriorityFirstWhenTheTeamSaysSo() {
    User ann = online("ann", 1);
    long t = team("care", "least_loaded", "priority_first", "ann");
    rule("all", 1, null, null, t);
    Case first = f.complaint(Network.MASTODON, "u1", T0);
    Case oldMild =
        f.cases.openOrJoin(f.post(Network.MASTODON, "u2", "Acme hmm", T0.minusSeconds(600)), 0.55);
    Case newAngry =
        f.cases.openOrJoin(f.post(Network.MASTODON, "u3", "Acme awful", T0.plusSeconds(60)), 0.99);
    f.cases.resolve(first.id(), ann);
    assertThat(f.cases.get(newAngry.id()).assignee()).isEqualTo("ann");
    assertThat(f.cases.get(oldMild.id()).assignee()).isNull();
  }

  @Test
  void shouldTreatARespondersWithoutHeartbeatAsOfflineAndPickUpTheBacklogWhenTheyReturn() {
    User ann = online("ann", 5);
    long t = team("care", "least_loaded", "oldest_first", "ann");
    rule("all", 1, null, null, t);
    f.clock.advance(java.time.Duration.ofMinutes(3));
    assertThat(routing.responder(ann.id()).availability()).isEqualTo("offline");
    Case c = f.complaint(Network.MASTODON, "u1", f.clock.instant());
    assertThat(f.cases.get(c.id()).assignee()).isNull();
    assertThat(routing.assignmentLog(c.id()).get(0).candidates().get(0).reason())
        .isEqualTo("offline");

    routing.heartbeat(ann, "online");
    assertThat(f.cases.get(c.id()).assignee()).isEqualTo("ann");
  }

  @Test
  void shouldPreferTheResponderWhoHandledThisCustomerBefore() {
    User ann = online("ann", 5);
    User bob = online("bob", 5);
    long t = team("care", "least_loaded", "oldest_first", "ann", "bob");
    rule("all", 1, null, null, t);
    // bob gets carol's first case (ann is busier), then ann frees up completely.
    Case busy = f.complaint(Network.MASTODON, "zed", T0);
    assertThat(busy.assignee()).isEqualTo("ann");
    Case carol1 = f.complaint(Network.MASTODON, "carol", T0);
    assertThat(carol1.assignee()).isEqualTo("bob");
    f.cases.resolve(carol1.id(), ann);
    f.clock.advance(java.time.Duration.ofHours(2));
    routing.heartbeat(ann, "online");
    routing.heartbeat(bob, "online");
    Case carol2 = f.complaint(Network.MASTODON, "carol", f.clock.instant());
    assertThat(carol2.id()).isNotEqualTo(carol1.id());
    assertThat(carol2.assignee()).isEqualTo("bob");
  }

  @Test
  void shouldShowWhoIsViewingACaseUntilTheyGoQuiet() {
    User ann = online("ann", 5);
    User bob = online("bob", 5);
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    routing.viewing(c.id(), ann);
    f.clock.advance(java.time.Duration.ofSeconds(30));
    assertThat(routing.viewing(c.id(), bob))
        .extracting(RoutingService.Viewer::username)
        .containsExactly("ann", "bob");
    f.clock.advance(java.time.Duration.ofSeconds(45));
    assertThat(routing.viewers(c.id()))
        .extracting(RoutingService.Viewer::username)
        .containsExactly("bob");
  }
}
