package org.complaintdesk.ingest.reddit;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.SourceException;
import org.complaintdesk.replies.ReplySender;
import org.complaintdesk.testing.FakeNetwork;
import org.complaintdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedditClientTest {
  FakeNetwork fake;
  RedditClient client;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));

  @BeforeEach
  void setUp() {
    fake = new FakeNetwork();
    var sc = fake.source("reddit", Network.REDDIT);
    sc.authUrl = fake.baseUrl();
    sc.username = "app-id";
    sc.password = "app-secret";
    sc.subreddits = List.of("flying", "travel");
    sc.userAgent = "test:complaint-desk:0.1 (by /u/nimbus)";
    client = new RedditClient(sc, () -> "NimbusAir", new ObjectMapper(), clock);
    fake.server.stubFor(
        post("/api/v1/access_token")
            .withBasicAuth("app-id", "app-secret")
            .willReturn(okJson(FakeNetwork.fixture("reddit/token.json"))));
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void searchesPostsReadsCommentsAndSkipsCrosspostsAndDeleted() throws Exception {
    fake.server.stubFor(
        get(urlPathEqualTo("/r/flying+travel/search"))
            .withQueryParam("q", equalTo("NimbusAir"))
            .withQueryParam("sort", equalTo("new"))
            .withHeader("Authorization", equalTo("Bearer app-token"))
            .willReturn(
                okJson(FakeNetwork.fixture("reddit/search_new.json"))
                    .withHeader("X-Ratelimit-Used", "4")
                    .withHeader("X-Ratelimit-Remaining", "596.0")
                    .withHeader("X-Ratelimit-Reset", "317")));
    fake.server.stubFor(
        get(urlPathEqualTo("/r/flying+travel/comments"))
            .willReturn(okJson(FakeNetwork.fixture("reddit/comments.json"))));

    var first = client.fetch(null);
    assertThat(first.mentions())
        .extracting(IncomingMention::externalId)
        .containsExactly("t3_1c", "t1_k2", "t1_k1");
    assertThat(first.mentions().get(0).text()).startsWith("NimbusAir lost my bag 😤\n\nThree days");
    assertThat(first.mentions().get(1).text()).contains("«سنعود إليك»");
    assertThat(first.mentions().get(2).postedAt()).isEqualTo(Instant.ofEpochMilli(1767268650500L));
    assertThat(first.rateLimit().resetAt()).isEqualTo(clock.instant().plusSeconds(317));

    // The same listings again: everything was seen already.
    assertThat(client.fetch(first.nextCursor()).mentions()).isEmpty();
  }

  @Test
  void tooManyRequestsUsesRelativeSeconds() {
    fake.server.stubFor(
        get(urlPathEqualTo("/r/flying+travel/search"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("X-Ratelimit-Remaining", "0")
                    .withHeader("X-Ratelimit-Reset", "42")));
    assertThatThrownBy(() -> client.fetch(null))
        .isInstanceOfSatisfying(
            SourceException.RateLimited.class,
            e -> assertThat(e.resetAt()).isEqualTo(clock.instant().plusSeconds(42)));
  }

  @Test
  void aCommentRefusedInsideA200IsAFailure() throws Exception {
    fake.server.stubFor(
        post("/api/comment")
            .withRequestBody(containing("thing_id=t3_1c"))
            .willReturn(okJson(FakeNetwork.fixture("reddit/comment_ratelimited.json"))));
    var reply =
        new ReplySender.OutgoingReply(3, 1, Network.REDDIT, "t3_1c", "traveller_1", "Sorry!");
    assertThatThrownBy(() -> client.send(reply))
        .isInstanceOfSatisfying(
            ReplySender.ReplyFailedException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("RATELIMIT");
            });

    fake.server.stubFor(
        post("/api/comment").willReturn(okJson(FakeNetwork.fixture("reddit/comment_ok.json"))));
    assertThat(client.send(reply).externalId()).isEqualTo("t1_k9");
  }

  @Test
  void longSelfPostsArriveWholeAndRawWithoutEntitiesOrLanguage() throws Exception {
    String longText = "Fish & chips <cold> 🥶 ".repeat(200); // 4,000+ characters
    String listing =
        """
        {"kind":"Listing","data":{"after":null,"children":[{"kind":"t3","data":{
          "id":"9z","name":"t3_9z","title":"NimbusAir: a long story","selftext":"%s",
          "author":"writer","created_utc":1767268740.0,"permalink":"/r/flying/comments/9z/x/",
          "is_self":true}}]}}
        """
            .formatted(longText.strip());
    fake.server.stubFor(
        get(urlPathEqualTo("/r/flying+travel/search"))
            .withQueryParam("raw_json", equalTo("1")) // otherwise Reddit sends &amp; &lt; &gt;
            .willReturn(okJson(listing)));
    fake.server.stubFor(
        get(urlPathEqualTo("/r/flying+travel/comments"))
            .withQueryParam("raw_json", equalTo("1"))
            .willReturn(okJson("{\"kind\":\"Listing\",\"data\":{\"children\":[]}}")));
    var result = client.fetch(null);
    assertThat(result.mentions()).hasSize(1);
    IncomingMention m = result.mentions().get(0);
    assertThat(m.text()).isEqualTo("NimbusAir: a long story\n\n" + longText.strip());
    assertThat(m.text()).hasSizeGreaterThan(4000).doesNotContain("&amp;");
    assertThat(m.language()).isNull(); // Reddit has no per-post language
  }
}
