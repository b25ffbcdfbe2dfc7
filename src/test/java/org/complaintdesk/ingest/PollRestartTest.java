package org.complaintdesk.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.mastodon.MastodonClient;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.FakeNetwork;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop the poller in the middle of a multi-page poll (while it waits for page 3), build everything
 * again on the same database file as a restarted application would, and poll to the end: every fake
 * post is stored exactly once.
 */
class PollRestartTest {
  static final int POSTS = 30;
  static final int PAGE = 5;
  @TempDir Path dir;
  FakeNetwork fake = new FakeNetwork();
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));

  @AfterEach
  void tearDown() {
    fake.close();
  }

  static String status(int id) {
    return """
        {"id":"%d","created_at":"2026-01-01T11:00:00.000Z","language":"en","spoiler_text":"",
         "uri":"https://m.example/users/u%d/statuses/%d","url":null,"reblog":null,
         "content":"<p>NimbusAir post %d</p>",
         "account":{"id":"%d","acct":"u%d","display_name":"U","followers_count":1}}
        """
        .formatted(id, id, id, id, id, id);
  }

  /** min_id=k answers the PAGE statuses after k, newest first, like Mastodon. */
  void stubPages() {
    for (int k = 1000; k <= 1000 + POSTS; k += PAGE) {
      int from = k + 1;
      int to = Math.min(k + PAGE, 1000 + POSTS);
      String body =
          IntStream.rangeClosed(from, to)
              .map(i -> to - (i - from))
              .mapToObj(PollRestartTest::status)
              .collect(Collectors.joining(",", "[", "]"));
      var response = okJson(from > to ? "[]" : body);
      if (k == 1010) {
        response = response.withFixedDelay(4000); // page 3: the app is stopped while waiting
      }
      fake.server.stubFor(
          get(urlPathEqualTo("/api/v1/timelines/tag/nimbusair"))
              .withQueryParam("min_id", equalTo(Integer.toString(k)))
              .willReturn(response));
    }
  }

  record App(IngestService ingest, SourcePoller poller, Jdbi jdbi) {}

  App start() {
    Jdbi jdbi = TestDatabases.sqliteFile(dir.resolve("app.db"));
    var keywords = new KeywordService(jdbi, clock);
    keywords.seedIfEmpty(List.of("NimbusAir"));
    var ingest = new IngestService(jdbi, keywords, clock);
    var sc = fake.source("masto", Network.MASTODON);
    sc.pageSize = PAGE;
    sc.readTimeout = io.dropwizard.util.Duration.seconds(10);
    Source source = ingest.registerSource("masto", Network.MASTODON, null, true);
    var client = new MastodonClient(sc, () -> List.of("nimbusair"), new ObjectMapper(), clock);
    var poller =
        new SourcePoller(
            ingest.source(source.id()).orElseThrow(),
            client,
            ingest,
            Duration.ofHours(1),
            clock,
            100,
            Duration.ofMinutes(30));
    return new App(ingest, poller, jdbi);
  }

  @Test
  void stoppingInTheMiddleOfAMultiPagePollStoresEveryPostExactlyOnce() throws Exception {
    stubPages();
    App first = start();
    long sourceId = first.ingest().sources().get(0).id();
    first.ingest().ingest(sourceId, new FetchResult(List.of(), "1000")); // resume point

    first.poller().start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "1010".equals(first.ingest().source(sourceId).orElseThrow().cursor()));
    first.poller().stop(); // interrupts the request for page 3
    assertThat(count(first.jdbi())).isEqualTo(10);

    App second = start();
    second.poller().tick();
    assertThat(second.ingest().source(sourceId).orElseThrow().cursor())
        .isEqualTo(Integer.toString(1000 + POSTS));
    assertThat(count(second.jdbi())).isEqualTo(POSTS);
    long distinct =
        second
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(DISTINCT external_id) FROM mentions")
                        .mapTo(Long.class)
                        .one());
    assertThat(distinct).isEqualTo(POSTS);
    // Page 1 and 2 were not fetched again after the restart: the cursor was stored with them.
    fake.server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/api/v1/timelines/tag/nimbusair"))
            .withQueryParam("min_id", equalTo("1000")));
  }

  static long count(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM mentions").mapTo(Long.class).one());
  }
}
