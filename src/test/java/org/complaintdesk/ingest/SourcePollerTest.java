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
}
