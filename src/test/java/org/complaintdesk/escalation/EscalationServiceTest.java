package org.complaintdesk.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.Event;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.routing.RoutingConfiguration;
import org.complaintdesk.routing.RoutingRule;
import org.complaintdesk.routing.RoutingService;
import org.complaintdesk.sla.SlaService;
import org.complaintdesk.testing.CaseFixture;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationServiceTest {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;
  CaseFixture f;
  RoutingService routing;
  SlaScheduler scheduler;
  WireMockServer slack;
  User ann;
  User bob;

  @BeforeEach
  void setUp() {
    slack = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    slack.start();
    slack.stubFor(
        post(urlEqualTo("/hooks/T1/B1")).willReturn(aResponse().withStatus(200).withBody("ok")));

    f = new CaseFixture(TestDatabases.sqlite(dir), T0, Duration.ZERO);
    var config = new RoutingConfiguration();
    config.heartbeatTimeout = io.dropwizard.util.Duration.days(1);
    routing =
        new RoutingService(
            f.jdbi, f.cases, f.auth, new KeywordService(f.jdbi, f.clock), config, f.clock);
    f.cases.addListener(routing);
    ann = f.responder("ann");
    bob = f.responder("bob");
    User boss =
        f.auth.createUser(
            "boss", "password123", java.util.Set.of(org.complaintdesk.auth.Role.ADMIN), List.of());
    routing.heartbeat(ann, "online");
    routing.heartbeat(bob, "online");
    long team = routing.saveTeam(null, "care", "round_robin", "oldest_first", boss.username()).id();
    routing.addMember(team, "ann");
    routing.addMember(team, "bob");
    routing.saveRule(null, new RoutingRule(0, 1, "all", null, null, null, null, null, null, team));

    String hook = slack.baseUrl() + "/hooks/T1/B1";
    f.sla.savePolicy(
        null,
        new SlaService.PolicyView(
            0,
            "one hour",
            1,
            null,
            null,
            null,
            60L,
            null,
            null,
            null,
            50,
            List.of(
                new SlaService.Action("webhook", "warning", hook),
                new SlaService.Action("raise_priority", "breach", "5"),
                new SlaService.Action("reassign", "breach", null),
                new SlaService.Action("notify_manager", "breach", hook))));
    scheduler =
        new SlaScheduler(
            new EscalationService(
                f.cases,
                f.sla,
                routing,
                f.auth,
                f.events,
                new WebhookNotifier(Duration.ofSeconds(5)),
                f.clock),
            Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    slack.stop();
  }

  private List<String> types(long caseId) {
    return f.events.forCase(caseId).stream().map(Event::type).toList();
  }

  @Test
  void shouldWarnBeforeTheBreachThenEscalateOnceAtTheBreach() {
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    assertThat(c.assignee()).isEqualTo("ann");
    assertThat(c.dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

    f.clock.set(T0.plus(Duration.ofMinutes(29)));
    assertThat(scheduler.tick().warnings()).isZero();
    slack.verify(0, postRequestedFor(urlEqualTo("/hooks/T1/B1")));

    f.clock.set(T0.plus(Duration.ofMinutes(30)));
    var warned = scheduler.tick();
    assertThat(warned.warnings()).isEqualTo(1);
    slack.verify(
        1,
        postRequestedFor(urlEqualTo("/hooks/T1/B1"))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(matchingJsonPath("$.text", containing("SLA warning: case #" + c.id())))
            .withRequestBody(matchingJsonPath("$.caseId", equalToJson(String.valueOf(c.id())))));
    assertThat(scheduler.tick().warnings()).as("fires once").isZero();

    f.clock.set(T0.plus(Duration.ofMinutes(61)));
    var breached = scheduler.tick();
    assertThat(breached.breaches()).isEqualTo(1);
    assertThat(breached.actions()).isEqualTo(3);
    Case after = f.cases.get(c.id());
    assertThat(after.priority()).isEqualTo(48.5 + 5); // 0.9 x 50 + reach of 10 followers, raised 5
    assertThat(after.assignee()).isEqualTo("bob");
    slack.verify(
        1,
        postRequestedFor(urlEqualTo("/hooks/T1/B1"))
            .withRequestBody(matchingJsonPath("$.text", containing("@boss SLA breach"))));
    assertThat(types(c.id()))
        .containsSubsequence("sla_warning", "sla_breached", "escalated", "escalated", "escalated");
    assertThat(scheduler.tick().breaches()).isZero();

    var breaches =
        f.events.measured("sla_breached", T0, T0.plus(Duration.ofDays(1)), null, null, null);
    assertThat(breaches).singleElement().satisfies(e -> assertThat(e.slaMet()).isFalse());
  }

  @Test
  void shouldNotEscalateACaseAnsweredInTime() {
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    f.cases.recordReplySent(c.id(), T0.plus(Duration.ofMinutes(20)), "ann");
    f.clock.set(T0.plus(Duration.ofHours(2)));
    var r = scheduler.tick();
    assertThat(r.warnings() + r.breaches()).isZero();
    slack.verify(0, postRequestedFor(urlEqualTo("/hooks/T1/B1")));
  }

  @Test
  void shouldRecordAFailedWebhookWithoutStoppingTheTick() {
    slack.stubFor(post(urlEqualTo("/hooks/T1/B1")).willReturn(aResponse().withStatus(500)));
    Case c = f.complaint(Network.MASTODON, "carol", T0);
    f.clock.set(T0.plus(Duration.ofMinutes(45)));
    assertThat(scheduler.tick().warnings()).isEqualTo(1);
    assertThat(f.events.forCase(c.id()))
        .filteredOn(e -> e.type().equals("escalated"))
        .singleElement()
        .satisfies(e -> assertThat(e.data()).contains("failed: webhook answered HTTP 500"));
  }

  @Test
  void shouldSortTheQueueByTheEarliestDueTime() {
    f.sla.savePolicy(
        null,
        new SlaService.PolicyView(
            0, "vip", 0, 50.0, null, null, 15L, null, null, null, 80, List.of()));
    Case normal = f.complaint(Network.MASTODON, "early", T0);
    Case vip =
        f.cases.openOrJoin(
            f.post(Network.MASTODON, "late", "Acme!!", T0.plus(Duration.ofMinutes(10))), 0.99);
    assertThat(f.cases.get(vip.id()).dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(25)));
    assertThat(f.cases.list("open", null, 10, 0).items())
        .extracting(Case::id)
        .containsExactly(vip.id(), normal.id());
  }
}
