package org.complaintdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.complaintdesk.common.Network;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared thread budget: with two threads, one source hanging in a request (as a network does
 * until the read timeout) and another failing on every poll never stop a third from ingesting.
 * Latches only; the clock is a fixed test clock, so nothing here depends on timing.
 */
class PollerSchedulerTest {
  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  IngestService ingest;

  @BeforeEach
  void setUp() {
    var jdbi = TestDatabases.sqlite(dir);
    var keywords = new KeywordService(jdbi, clock);
    keywords.add("Acme", null);
    ingest = new IngestService(jdbi, keywords, clock);
  }

  static IncomingMention mention(String id) {
    return new IncomingMention(
        Network.REDDIT, id, "ann", null, null, "Acme " + id, null, null, Instant.EPOCH, null);
  }

  @Test
  void aHangingSourceAndAFailingOneNeverStallTheOthers() throws Exception {
    CountDownLatch hangingEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    MentionSource hanging =
        cursor -> {
          hangingEntered.countDown();
          release.await(); // like a request waiting for its read timeout
          return new FetchResult(List.of(), cursor);
        };
    AtomicInteger failures = new AtomicInteger();
    MentionSource failing =
        cursor -> {
          failures.incrementAndGet();
          throw new java.io.IOException("connection reset");
        };
    CountDownLatch fivePolls = new CountDownLatch(5);
    AtomicInteger n = new AtomicInteger();
    MentionSource busy =
        cursor -> {
          int i = n.incrementAndGet();
          fivePolls.countDown();
          return new FetchResult(List.of(mention("b" + i)), "c" + i);
        };

    var scheduler = new PollerScheduler(2);
    Source h = ingest.registerSource("hanging", Network.REDDIT, null, true);
    Source f = ingest.registerSource("failing", Network.REDDIT, null, true);
    Source b = ingest.registerSource("busy", Network.REDDIT, null, true);
    Duration every = Duration.ofMillis(1);
    scheduler.add(new SourcePoller(h, hanging, ingest, every, clock));
    scheduler.add(new SourcePoller(f, failing, ingest, every, clock));
    scheduler.add(new SourcePoller(b, busy, ingest, every, clock));
    scheduler.start();
    try {
      assertThat(hangingEntered.await(30, TimeUnit.SECONDS)).isTrue();
      // The hanging poll still holds its thread while the busy source polls five more times.
      assertThat(fivePolls.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(release.getCount()).isEqualTo(1);
    } finally {
      release.countDown();
      scheduler.stop();
    }
    Source busyAfter = ingest.source(b.id()).orElseThrow();
    assertThat(busyAfter.itemsFetched()).isGreaterThanOrEqualTo(5);
    assertThat(busyAfter.state()).isEqualTo(Source.OK);
    // The failing source was tried, recorded, and is backing off under the (frozen) clock.
    Source failingAfter = ingest.source(f.id()).orElseThrow();
    assertThat(failures.get()).isEqualTo(1);
    assertThat(failingAfter.state()).isEqualTo(Source.BACKING_OFF);
    assertThat(failingAfter.lastError()).contains("connection reset");
  }

  @Test
  void theBudgetMustBeAtLeastOneThread() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PollerScheduler(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
