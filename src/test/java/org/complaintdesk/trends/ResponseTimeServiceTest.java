package org.complaintdesk.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseTimeServiceTest {
  static final Instant T0 = Instant.parse("2026-07-01T08:00:00Z");
  @TempDir Path dir;

  @Test
  void percentilesAndShareWithinSlaByResponderNetworkAndDay() {
    Jdbi jdbi = TestDatabases.sqlite(dir);
    var events = new EventLog(jdbi);
    // Ann answers on x in 1..10 minutes; Bob on reddit in 60 minutes, the next day.
    for (int i = 1; i <= 10; i++) {
      long caseId = newCase(jdbi, "x", "a" + i);
      events.append(
          EventLog.FIRST_RESPONSE,
          T0.plus(Duration.ofMinutes(i)),
          caseId,
          null,
          "ann",
          Duration.ofMinutes(i).toMillis());
    }
    long bobCase = newCase(jdbi, "reddit", "b");
    events.append(
        EventLog.FIRST_RESPONSE,
        T0.plus(Duration.ofDays(1)),
        bobCase,
        null,
        "bob",
        Duration.ofMinutes(60).toMillis());
    events.append(EventLog.RESOLVED, T0.plus(Duration.ofDays(1)), bobCase, null, "bob", 1L);
    var service = new ResponseTimeService(jdbi);
    var q =
        new ResponseTimeService.Query(
            "first_response",
            T0.minus(Duration.ofDays(1)),
            T0.plus(Duration.ofDays(3)),
            Bucket.DAY,
            ZoneId.of("UTC"),
            "responder",
            null,
            Duration.ofMinutes(5).toMillis());
    var report = service.report(q);
    assertThat(report.groups())
        .extracting(ResponseTimeReport.Group::group)
        .containsExactly("ann", "bob");
    var ann = report.groups().get(0).total();
    assertThat(ann.count()).isEqualTo(10);
    assertThat(ann.p50Ms()).isEqualTo(Duration.ofMinutes(5).toMillis());
    assertThat(ann.p90Ms()).isEqualTo(Duration.ofMinutes(9).toMillis());
    assertThat(ann.p95Ms()).isEqualTo(Duration.ofMinutes(10).toMillis());
    assertThat(ann.withinSla()).isEqualTo(0.5);
    assertThat(report.groups().get(1).points().get(2).stats().count()).isEqualTo(1);
    assertThat(report.groups().get(1).points().get(1).stats().count()).isZero();

    var byNetwork =
        service.report(
            new ResponseTimeService.Query(
                "first_response", q.from(), q.to(), null, q.zone(), "network", "reddit", null));
    assertThat(byNetwork.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.group()).isEqualTo("reddit");
              assertThat(g.total().p95Ms()).isEqualTo(3_600_000L);
              assertThat(g.total().withinSla()).isNull();
            });
  }

  static long newCase(Jdbi jdbi, String network, String author) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    INSERT INTO cases (network, author_handle, status, priority, opened_at,
                      created_at, updated_at) VALUES (:n, :a, 'new', 1, 0, 0, 0) RETURNING id
                    """)
                .bind("n", network)
                .bind("a", author)
                .mapTo(Long.class)
                .one());
  }
}
