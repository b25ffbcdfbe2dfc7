package org.complaintdesk.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.reports.ResponseTimeReport;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every cell of the trend is the routing report's figure for that slice of the events. */
class ResponseTimeServiceTest {
  static final Instant T0 = Instant.parse("2026-07-01T08:00:00Z");
  @TempDir Path dir;

  @Test
  void percentilesAndShareWithinSlaByTeamResponderNetworkAndDay() {
    var events = new EventLog(TestDatabases.sqlite(dir));
    // Ann (id 1, team care) answers on x in 1..10 minutes, SLA met up to 5 minutes; Bob (id 2,
    // team vip) answers on reddit in 60 minutes the next day, SLA missed.
    for (int i = 1; i <= 10; i++) {
      events.append(
          EventLog.Entry.of(EventLog.FIRST_RESPONSE, T0.plus(Duration.ofMinutes(i)))
              .caseId((long) i)
              .team(10L)
              .responder(1L)
              .network(Network.X)
              .durations(Duration.ofMinutes(i).toMillis(), Duration.ofMinutes(i).toMillis())
              .slaMet(i <= 5));
    }
    events.append(
        EventLog.Entry.of(EventLog.FIRST_RESPONSE, T0.plus(Duration.ofDays(1)))
            .caseId(99L)
            .team(20L)
            .responder(2L)
            .network(Network.REDDIT)
            .durations(3_600_000L, 1_800_000L)
            .slaMet(false));
    var reports = new ResponseTimeReport(events);
    var service =
        new ResponseTimeService(
            reports,
            new ResponseTimeService.Directory(
                () -> Map.of(10L, "care", 20L, "vip", 30L, "idle"),
                () -> Map.of(1L, "ann", 2L, "bob", 3L, "carol")));
    var q =
        new ResponseTimeService.Query(
            "first_response",
            T0.minus(Duration.ofDays(1)),
            T0.plus(Duration.ofDays(3)),
            Bucket.DAY,
            ZoneId.of("UTC"),
            "responder",
            null);
    var report = service.report(q);
    // carol answered nothing: no group.
    assertThat(report.groups())
        .extracting(ResponseTimeTrend.Group::name)
        .containsExactly("ann", "bob");
    var ann = report.groups().get(0).total();
    assertThat(ann.count()).isEqualTo(10);
    assertThat(ann.wallClock().p50Ms()).isEqualTo(Duration.ofMinutes(5).toMillis());
    assertThat(ann.wallClock().p90Ms()).isEqualTo(Duration.ofMinutes(9).toMillis());
    assertThat(ann.wallClock().p95Ms()).isEqualTo(Duration.ofMinutes(10).toMillis());
    assertThat(ann.withinSlaPercent()).isEqualTo(50.0);
    var bob = report.groups().get(1);
    assertThat(bob.points()).hasSize(5);
    assertThat(bob.points().get(2).stats().count()).isEqualTo(1);
    assertThat(bob.points().get(2).stats().businessTime().p50Ms()).isEqualTo(1_800_000L);
    assertThat(bob.points().get(1).stats().count()).isZero();
    // The same figures as the routing report for that slice.
    assertThat(bob.points().get(2).stats())
        .isEqualTo(
            reports.compute(
                "first_response",
                T0.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS),
                T0.plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.DAYS),
                null,
                2L,
                null));

    var byTeam =
        service.report(
            new ResponseTimeService.Query(
                "first_response", q.from(), q.to(), Bucket.WEEK, q.zone(), "team", null));
    assertThat(byTeam.groups())
        .extracting(ResponseTimeTrend.Group::name)
        .containsExactly("care", "vip");
    assertThat(byTeam.groups().get(1).total().withinSlaPercent()).isEqualTo(0.0);

    var byNetwork =
        service.report(
            new ResponseTimeService.Query(
                "first_response", q.from(), q.to(), null, q.zone(), "network", Network.REDDIT));
    assertThat(byNetwork.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.group()).isEqualTo("reddit");
              assertThat(g.total().wallClock().p95Ms()).isEqualTo(3_600_000L);
              assertThat(g.points()).isEmpty();
            });
    var none =
        service.report(
            new ResponseTimeService.Query(
                "resolved", q.from(), q.to(), null, q.zone(), "none", null));
    assertThat(none.groups())
        .singleElement()
        .satisfies(g -> assertThat(g.total().count()).isZero());

    assertThatThrownBy(
            () ->
                service.report(
                    new ResponseTimeService.Query(
                        "first_response",
                        q.from(),
                        q.from().plus(Duration.ofDays(30)),
                        Bucket.HOUR,
                        q.zone(),
                        "none",
                        null)))
        .isInstanceOf(BadRequestException.class);
  }
}
