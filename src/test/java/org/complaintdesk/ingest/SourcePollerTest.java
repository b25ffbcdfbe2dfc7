package org.complaintdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.complaintdesk.common.Network;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller contains every failure: it records it, backs off, keeps the cursor, and recovers. */
class SourcePollerTest {
  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  IngestService ingest;
  Source source;

  /** Plays back a script of results and failures, recording the cursors it was asked for. */
  static final class ScriptedSource implements MentionSource {
    final Deque<Object> script = new ArrayDeque<>();
    final List<String> cursors = new java.util.ArrayList<>();

    @Override
    public FetchResult fetch(String cursor) throws Exception {
      cursors.add(cursor);
      Object next = script.pop();
      if (next instanceof Exception e) {
        throw e;
      }
      if (next instanceof Error e) {
        throw e;
      }
      return (FetchResult) next;
    }
  }

  @BeforeEach
  void setUp() {
    var jdbi = TestDatabases.sqlite(dir);
    var keywords = new KeywordService(jdbi, clock);
    keywords.add("Acme", null);
    ingest = new IngestService(jdbi, keywords, clock);
    source = ingest.registerSource("scripted", Network.REDDIT, "Acme", true);
  }

  private static FetchResult page(String id, String cursor) {
    return new FetchResult(
        List.of(
            new IncomingMention(
                Network.REDDIT,
                id,
                "ann",
                null,
                null,
                "Acme " + id,
                null,
                null,
                Instant.parse("2026-01-01T00:00:00Z"),
                null)),
        cursor);
  }

  @Test
  void failuresAreRecordedBackedOffAndDoNotMoveTheCursor() {
    var fake = new ScriptedSource();
    fake.script.add(page("1", "c1"));
    fake.script.add(new java.io.IOException("connection reset"));
    fake.script.add(new StackOverflowError("even errors are contained"));
    fake.script.add(page("2", "c2"));
    var poller = new SourcePoller(source, fake, ingest, Duration.ofSeconds(1), clock);

    poller.tick();
    poller.tick();
    Source failed = ingest.source(source.id()).orElseThrow();
    assertThat(failed.consecutiveFailures()).isEqualTo(1);
    assertThat(failed.lastError()).contains("connection reset");
    assertThat(failed.cursor()).isEqualTo("c1");

    poller.tick(); // still backing off: not even asked
    assertThat(fake.cursors).hasSize(2);

    clock.advance(Duration.ofMinutes(1));
    poller.tick();
    assertThat(ingest.source(source.id()).orElseThrow().consecutiveFailures()).isEqualTo(2);
    clock.advance(Duration.ofMinutes(1));
    poller.tick();
    Source recovered = ingest.source(source.id()).orElseThrow();
    assertThat(recovered.consecutiveFailures()).isZero();
    assertThat(recovered.cursor()).isEqualTo("c2");
    assertThat(fake.cursors).containsExactly(null, "c1", "c1", "c1");
  }

  @Test
  void backoffGrowsAndIsCapped() {
    assertThat(SourcePoller.backoff(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    assertThat(SourcePoller.backoff(5)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(32));
    assertThat(SourcePoller.backoff(40)).isLessThanOrEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void rateLimitSleepsUntilTheResetWithoutCountingAFailure() {
    var fake = new ScriptedSource();
    Instant reset = clock.instant().plusSeconds(120);
    fake.script.add(new SourceException.RateLimited("429 Too Many Requests", reset));
    fake.script.add(page("1", "c1"));
    var poller = new SourcePoller(source, fake, ingest, Duration.ofSeconds(1), clock);

    poller.tick();
    Source limited = ingest.source(source.id()).orElseThrow();
    assertThat(limited.state()).isEqualTo(Source.RATE_LIMITED);
    assertThat(limited.consecutiveFailures()).isZero();
    assertThat(limited.pausedUntil()).isBetween(reset, reset.plusSeconds(1));

    clock.advance(Duration.ofSeconds(119));
    poller.tick();
    assertThat(fake.cursors).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    poller.tick();
    assertThat(fake.cursors).hasSize(2);
    assertThat(ingest.source(source.id()).orElseThrow().state()).isEqualTo(Source.OK);
  }

  @Test
  void anExhaustedWindowAfterASuccessPausesUntilTheReset() {
    var fake = new ScriptedSource();
    Instant reset = clock.instant().plusSeconds(60);
    fake.script.add(
        new FetchResult(page("1", "c1").mentions(), "c1", true, new RateLimit(300L, 0L, reset)));
    fake.script.add(page("2", "c2"));
    var poller = new SourcePoller(source, fake, ingest, Duration.ofSeconds(1), clock, 5, null);

    poller.tick(); // "more" pages, but the window is used up: stop here
    assertThat(fake.cursors).hasSize(1);
    assertThat(ingest.source(source.id()).orElseThrow().pausedUntil()).isAfterOrEqualTo(reset);
    clock.advance(Duration.ofSeconds(62));
    poller.tick();
    assertThat(fake.cursors).containsExactly(null, "c1");
  }

  @Test
  void rejectedCredentialsMarkTheSourceUnhealthyAndAreNotHammered() {
    var fake = new ScriptedSource();
    fake.script.add(new SourceException.AuthRejected("401 The access token is invalid"));
    fake.script.add(page("1", "c1"));
    var poller =
        new SourcePoller(
            source, fake, ingest, Duration.ofSeconds(1), clock, 1, Duration.ofMinutes(30));

    poller.tick();
    Source unhealthy = ingest.source(source.id()).orElseThrow();
    assertThat(unhealthy.state()).isEqualTo(Source.UNHEALTHY);
    assertThat(unhealthy.healthy()).isFalse();
    assertThat(unhealthy.lastError()).contains("access token is invalid");
    assertThat(new SourceHealthCheck(ingest, source.id()).execute().isHealthy()).isFalse();

    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofMinutes(1));
      poller.tick();
    }
    assertThat(fake.cursors).hasSize(1);

    // A restarted poller honours the persisted pause too.
    var restarted =
        new SourcePoller(
            ingest.source(source.id()).orElseThrow(),
            fake,
            ingest,
            Duration.ofSeconds(1),
            clock,
            1,
            Duration.ofMinutes(30));
    restarted.tick();
    assertThat(fake.cursors).hasSize(1);

    clock.advance(Duration.ofMinutes(11));
    restarted.tick();
    assertThat(fake.cursors).hasSize(2);
    assertThat(ingest.source(source.id()).orElseThrow().healthy()).isTrue();
  }

  @Test
  void followsPagesWithinOnePollEachPageWithItsCursor() {
    var fake = new ScriptedSource();
    fake.script.add(new FetchResult(page("1", "p1").mentions(), "p1", true, null));
    fake.script.add(new FetchResult(page("2", "p2").mentions(), "p2", true, null));
    fake.script.add(new FetchResult(page("3", "p3").mentions(), "p3", false, null));
    var poller = new SourcePoller(source, fake, ingest, Duration.ofSeconds(1), clock, 10, null);

    poller.tick();
    assertThat(fake.cursors).containsExactly(null, "p1", "p2");
    Source s = ingest.source(source.id()).orElseThrow();
    assertThat(s.cursor()).isEqualTo("p3");
    assertThat(s.itemsFetched()).isEqualTo(3);
  }

  @Test
  void aSourcePausedByAnAdminIsNotPolledUntilResumed() {
    var fake = new ScriptedSource();
    fake.script.add(page("1", "c1"));
    var poller = new SourcePoller(source, fake, ingest, Duration.ofSeconds(1), clock);
    ingest.setAdminPaused(source.name(), true);
    poller.tick();
    assertThat(fake.cursors).isEmpty();
    assertThat(ingest.source(source.id()).orElseThrow().adminPaused()).isTrue();
    ingest.setAdminPaused(source.name(), false);
    poller.tick();
    assertThat(fake.cursors).containsExactly((String) null);
    assertThat(ingest.source(source.id()).orElseThrow().cursor()).isEqualTo("c1");
  }
}
