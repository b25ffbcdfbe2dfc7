package org.complaintdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.complaintdesk.common.Network;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.testing.CaseFixture;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Case priority from {@code PriorityScore} parts on SQLite and PostgreSQL: stored parts, the
 * waiting part growing with the clock, the queue sorted by priority now, and complaints opening
 * cases below the detractor threshold.
 */
class CasePriorityTest {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @org.junit.jupiter.api.io.TempDir Path dir;
  private TestDatabases.PostgresSchema pg;

  private CaseFixture fixture(String db) {
    Jdbi jdbi;
    if ("postgres".equals(db)) {
      pg = TestDatabases.postgres();
      jdbi = pg.jdbi();
    } else {
      jdbi = TestDatabases.sqlite(dir);
    }
    return new CaseFixture(jdbi, T0, Duration.ZERO);
  }

  @AfterEach
  void drop() {
    if (pg != null) {
      pg.drop().run();
    }
  }

  private static List<Long> queueByPriority(CaseFixture f) {
    return f.cases.list("open", null, null, false, "priority", 10, 0).items().stream()
        .map(Case::id)
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void storesThePartsAndAddsTheWaitingPartWhenRead(String db) {
    CaseFixture f = fixture(db);
    Case c =
        f.cases.openOrJoin(
            f.post(Network.MASTODON, "carol", "Acme refund please", T0, 1_000L), 0.8, true);
    assertThat(c.priority()).isEqualTo(65.0); // 40 + 10 + 15
    var parts = f.cases.priorityParts(c);
    assertThat(List.of(parts.detractor(), parts.reach(), parts.complaint(), parts.waiting()))
        .containsExactly(40.0, 10.0, 15.0, 0.0);

    f.clock.advance(Duration.ofHours(1));
    parts = f.cases.priorityParts(f.cases.get(c.id()));
    assertThat(parts.waiting()).isEqualTo(3.8); // 60 / 240 * 15
    assertThat(parts.total()).isEqualTo(68.8);
    assertThat(f.cases.get(c.id()).priority()).as("stored part unchanged").isEqualTo(65.0);

    f.cases.recordReplySent(c.id(), f.clock.instant(), "ann");
    assertThat(f.cases.priorityParts(f.cases.get(c.id())).waiting())
        .as("answered: no longer waiting on us")
        .isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void aQuietComplaintWaitingFourHoursOutranksAFreshLoudPostUntilItIsAnswered(String db) {
    CaseFixture f = fixture(db);
    Case quiet =
        f.cases.openOrJoin(
            f.post(Network.MASTODON, "quiet", "Acme still no refund", T0, 10L), 0.7, true);
    f.clock.advance(Duration.ofHours(4));
    Case loud =
        f.cases.openOrJoin(
            f.post(Network.MASTODON, "loud", "Acme is awful", f.clock.instant(), 1_000_000L),
            0.7,
            false);
    assertThat(quiet.priority()).isEqualTo(53.5); // 35 + 3.5 + 15
    assertThat(loud.priority()).isEqualTo(55.0); // 35 + 20
    assertThat(queueByPriority(f)).containsExactly(quiet.id(), loud.id()); // 68.5 vs 55

    f.cases.recordReplySent(quiet.id(), f.clock.instant(), "ann");
    assertThat(queueByPriority(f)).containsExactly(loud.id(), quiet.id()); // 55 vs 53.5
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void aStrongerPostReplacesThePartsAndKeepsAnEscalationRaise(String db) {
    CaseFixture f = fixture(db);
    Case c = f.cases.openOrJoin(f.post(Network.MASTODON, "dan", "Acme meh", T0, null), 0.5);
    assertThat(c.priority()).isEqualTo(25.0);
    f.cases.raisePriority(c.id(), 30.0, "escalation");

    f.cases.openOrJoin(
        f.post(Network.MASTODON, "dan", "Acme cancel my order now", T0, null), 0.9, true);
    var parts = f.cases.priorityParts(f.cases.get(c.id()));
    assertThat(parts.detractor()).isEqualTo(45.0);
    assertThat(parts.complaint()).isEqualTo(15.0);
    assertThat(parts.raised()).isEqualTo(5.0);
    assertThat(f.cases.get(c.id()).priority()).isEqualTo(65.0);

    f.cases.openOrJoin(f.post(Network.MASTODON, "dan", "Acme ugh", T0, null), 0.6);
    assertThat(f.cases.get(c.id()).priority()).as("a weaker post changes nothing").isEqualTo(65.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void aComplaintBelowTheDetractorThresholdOpensACaseAndPlainNeutralPostsDoNot(String db) {
    CaseFixture f = fixture(db);
    var calm = f.post(Network.MASTODON, "erin", "Acme still waiting for my refund", T0, 50L);
    f.cases.onScored(calm, result(0.35, false, true));
    var chat = f.post(Network.MASTODON, "finn", "Acme new shop opens today", T0, 50L);
    f.cases.onScored(chat, result(0.2, false, false));

    List<Case> open = f.cases.list("open", null, 10, 0).items();
    assertThat(open).extracting(Case::authorHandle).containsExactly("erin");
    var parts = f.cases.priorityParts(open.get(0));
    assertThat(parts.detractor()).isEqualTo(17.5);
    assertThat(parts.complaint()).isEqualTo(15.0);
  }

  private static SentimentResult result(double p, boolean detractor, boolean complaint) {
    return new SentimentResult(
        SentimentResult.SCORED,
        p >= 0.4 ? "negative" : "neutral",
        0,
        p,
        detractor,
        complaint,
        0.6,
        "en",
        List.of(),
        List.of(),
        "test",
        null);
  }
}
