package org.complaintdesk.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.bluesky.BlueskyClient;
import org.complaintdesk.ingest.mastodon.MastodonClient;
import org.complaintdesk.ingest.reddit.RedditClient;
import org.complaintdesk.ingest.rss.FeedSource;
import org.complaintdesk.ingest.x.XClient;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.FakeNetwork;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every network's real client, driven by a real {@link SourcePoller} against its fake, through
 * every transport failure the issue lists: 500 with an HTML body, a truncated body, a response
 * slower than the read timeout, a connection reset, and a 429 with that network's own rate-limit
 * headers. Each failure must leave the cursor where it was, record the source's health, and the
 * next poll after the pause must succeed again (the poller keeps going).
 */
class NetworkFailuresTest {
  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
  FakeNetwork fake;
  IngestService ingest;
  ObjectMapper json = new ObjectMapper();

  enum Failure {
    HTML_500,
    TRUNCATED,
    SLOW,
    RESET,
    RATE_LIMITED
  }

  static Stream<Arguments> cases() {
    return Stream.of(Network.MASTODON, Network.X, Network.BLUESKY, Network.REDDIT, Network.RSS)
        .flatMap(n -> Stream.of(Failure.values()).map(f -> Arguments.of(n, f)));
  }

  @BeforeEach
  void setUp() {
    fake = new FakeNetwork();
    var jdbi = TestDatabases.sqlite(dir);
    var keywords = new KeywordService(jdbi, clock);
    keywords.add("NimbusAir", null);
    ingest = new IngestService(jdbi, keywords, clock);
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void aFailureKeepsTheCursorRecordsHealthAndThePollerRecovers(Network network, Failure failure) {
    var sc = fake.source(network.key(), network);
    MentionSource client = client(network, sc);
    stubSuccess(network);
    Source source = ingest.registerSource(sc.name, network, null, true);
    var poller = new SourcePoller(source, client, ingest, Duration.ofSeconds(60), clock);

    poller.tick();
    Source ok = ingest.source(source.id()).orElseThrow();
    assertThat(ok.state()).as("first poll: %s", ok.lastError()).isEqualTo(Source.OK);
    assertThat(ok.cursor()).isNotNull();
    assertThat(ok.itemsFetched()).isPositive();

    var broken =
        fake.server.stubFor(
            // token/session endpoints (POST) stay up: the failure is on the fetch itself
            get(anyUrl()).atPriority(1).willReturn(failure(network, failure)));
    poller.tick();

    Source failed = ingest.source(source.id()).orElseThrow();
    assertThat(failed.cursor()).as("cursor unchanged").isEqualTo(ok.cursor());
    assertThat(failed.lastErrorAt()).isEqualTo(clock.instant());
    assertThat(failed.lastError()).isNotBlank();
    assertThat(failed.pausedUntil()).isAfter(clock.instant());
    if (failure == Failure.RATE_LIMITED) {
      assertThat(failed.state()).isEqualTo(Source.RATE_LIMITED);
      assertThat(failed.consecutiveFailures()).isZero(); // the network working as documented
      assertThat(failed.pausedUntil()).isAfterOrEqualTo(expectedReset(network));
    } else {
      assertThat(failed.state()).isEqualTo(Source.BACKING_OFF);
      assertThat(failed.consecutiveFailures()).isEqualTo(1);
      assertThat(failed.healthy()).isFalse();
    }

    // Still paused: the network is not asked again before the pause ends.
    int requests = fake.server.getAllServeEvents().size();
    poller.tick();
    assertThat(fake.server.getAllServeEvents()).hasSize(requests);

    fake.server.removeStub(broken);
    clock.advance(Duration.ofHours(1));
    poller.tick();
    Source recovered = ingest.source(source.id()).orElseThrow();
    assertThat(recovered.state())
        .as("after the pause: %s", recovered.lastError())
        .isEqualTo(Source.OK);
    assertThat(recovered.consecutiveFailures()).isZero();
    assertThat(recovered.lastSuccessAt()).isEqualTo(clock.instant());
    assertThat(fake.server.getAllServeEvents()).hasSizeGreaterThan(requests);
  }

  private MentionSource client(Network network, SourceConfiguration sc) {
    return switch (network) {
      case MASTODON -> new MastodonClient(sc, () -> List.of("nimbusair"), json, clock);
      case X -> {
        sc.token = "bearer";
        yield new XClient(sc, () -> "NimbusAir", json, clock);
      }
      case BLUESKY -> {
        sc.username = "nimbushelp.bsky.social";
        sc.password = "app-password";
        yield new BlueskyClient(sc, () -> List.of("NimbusAir"), json, clock);
      }
      case REDDIT -> {
        sc.authUrl = fake.baseUrl();
        sc.username = "app-id";
        sc.password = "app-secret";
        sc.subreddits = List.of("flying");
        yield new RedditClient(sc, () -> "NimbusAir", json, clock);
      }
      case RSS -> {
        sc.baseUrl = fake.baseUrl() + "/alerts.atom";
        yield new FeedSource(sc, clock);
      }
      default -> throw new IllegalArgumentException(network.key());
    };
  }

  private void stubSuccess(Network network) {
    var s = fake.server;
    switch (network) {
      case MASTODON ->
          s.stubFor(
              get(urlPathEqualTo("/api/v1/timelines/tag/nimbusair"))
                  .willReturn(okJson(FakeNetwork.fixture("mastodon/tag_first.json"))));
      case X ->
          s.stubFor(
              get(urlPathEqualTo("/2/tweets/search/recent"))
                  .willReturn(okJson(FakeNetwork.fixture("x/search_page1.json"))));
      case BLUESKY -> {
        s.stubFor(
            post("/xrpc/com.atproto.server.createSession")
                .willReturn(okJson(FakeNetwork.fixture("bluesky/session.json"))));
        s.stubFor(
            get(urlPathEqualTo("/xrpc/app.bsky.feed.searchPosts"))
                .willReturn(okJson(FakeNetwork.fixture("bluesky/search_page1.json"))));
      }
      case REDDIT -> {
        s.stubFor(
            post("/api/v1/access_token")
                .willReturn(okJson(FakeNetwork.fixture("reddit/token.json"))));
        s.stubFor(
            get(urlPathEqualTo("/r/flying/search"))
                .willReturn(okJson(FakeNetwork.fixture("reddit/search_new.json"))));
        s.stubFor(
            get(urlPathEqualTo("/r/flying/comments"))
                .willReturn(okJson(FakeNetwork.fixture("reddit/comments.json"))));
      }
      case RSS ->
          s.stubFor(
              get("/alerts.atom")
                  .willReturn(
                      aResponse()
                          .withHeader("Content-Type", "application/atom+xml")
                          .withBody(FakeNetwork.fixture("rss/reviews.atom"))));
      default -> throw new IllegalArgumentException(network.key());
    }
  }

  private static ResponseDefinitionBuilder failure(Network network, Failure failure) {
    return switch (failure) {
      case HTML_500 ->
          aResponse()
              .withStatus(500)
              .withHeader("Content-Type", "text/html")
              .withBody("<html><body><h1>500 Internal Server Error</h1><p>nginx</p></body></html>");
      case TRUNCATED ->
          network == Network.RSS
              ? okXml(
                  "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><ti")
              : okJson(network == Network.MASTODON ? "[{\"id\":\"1135" : "{\"data\":{\"chil");
      case SLOW -> okJson("{}").withFixedDelay(4500); // FakeNetwork's read timeout is 3 s
      case RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
      case RATE_LIMITED -> rateLimited(network);
    };
  }

  /** A 429 in each network's own dialect (see shared notes/channels.md and RateLimit). */
  private static ResponseDefinitionBuilder rateLimited(Network network) {
    var r = aResponse().withStatus(429).withBody("{\"error\":\"Too many requests\"}");
    return switch (network) {
      case MASTODON ->
          r.withHeader("X-RateLimit-Limit", "300")
              .withHeader("X-RateLimit-Remaining", "0")
              .withHeader("X-RateLimit-Reset", "2026-01-01T12:05:00.000000Z");
      case X ->
          r.withHeader("x-rate-limit-limit", "450")
              .withHeader("x-rate-limit-remaining", "0")
              .withHeader("x-rate-limit-reset", "1767269700");
      case BLUESKY ->
          r.withHeader("RateLimit-Limit", "3000")
              .withHeader("RateLimit-Remaining", "0")
              .withHeader("RateLimit-Reset", "1767269100")
              .withHeader("RateLimit-Policy", "3000;w=300");
      case REDDIT ->
          r.withHeader("X-Ratelimit-Used", "600")
              .withHeader("X-Ratelimit-Remaining", "0")
              .withHeader("X-Ratelimit-Reset", "317");
      default -> r.withHeader("Retry-After", "120"); // feeds: plain HTTP
    };
  }

  private Instant expectedReset(Network network) {
    return switch (network) {
      case MASTODON -> Instant.parse("2026-01-01T12:05:00Z");
      case X -> Instant.ofEpochSecond(1767269700);
      case BLUESKY -> Instant.ofEpochSecond(1767269100);
      case REDDIT -> clock.instant().plusSeconds(317);
      default -> clock.instant().plusSeconds(120);
    };
  }
}
