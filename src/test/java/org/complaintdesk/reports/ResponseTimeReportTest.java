package org.complaintdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseTimeReportTest {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;

  @Test
  void shouldComputeMeanPercentilesAndShareWithinSlaFilteredByDimensions() {
    var events = new EventLog(TestDatabases.sqlite(dir));
    for (int i = 1; i <= 20; i++) {
      events.append(
          EventLog.Entry.of(EventLog.FIRST_RESPONSE, T0.plusSeconds(i))
              .caseId((long) i)
              .team(i <= 10 ? 1L : 2L)
              .responder(7L)
              .network(Network.MASTODON)
              .durations(i * 60_000L, i * 30_000L)
              .slaMet(i <= 15));
    }
    events.append(EventLog.Entry.of(EventLog.FIRST_RESPONSE, T0.minusSeconds(5)).durations(1L, 1L));
    var report = new ResponseTimeReport(events);

    var all = report.compute("first_response", T0, T0.plusSeconds(3600), null, null, null);
    assertThat(all.count()).isEqualTo(20);
    assertThat(all.wallClock())
        .isEqualTo(new ResponseTimeReport.Stats(630_000L, 600_000L, 1_080_000L, 1_140_000L));
    assertThat(all.businessTime().p50Ms()).isEqualTo(300_000L);
    assertThat(all.withinSlaPercent()).isEqualTo(75.0);

    var team2 =
        report.compute("first_response", T0, T0.plusSeconds(3600), 2L, 7L, Network.MASTODON);
    assertThat(team2.count()).isEqualTo(10);
    assertThat(team2.withinSlaPercent()).isEqualTo(50.0);
    assertThat(
            report
                .compute("first_response", T0, T0.plusSeconds(3600), null, null, Network.X)
                .count())
        .isZero();
    assertThat(
            report
                .compute("first_response", T0, T0.plusSeconds(3600), null, null, Network.X)
                .wallClock()
                .meanMs())
        .isNull();
  }
}
