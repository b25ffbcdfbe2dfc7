package org.complaintdesk.ingest.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
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

/** The Mastodon client against a fake instance on 127.0.0.1 serving hand-written fixtures. */
class MastodonClientTest {
  static final String TAG = "/api/v1/timelines/tag/nimbusair";
  FakeNetwork fake;
  MastodonClient client;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));

  @BeforeEach
  void setUp() {
    fake = new FakeNetwork();
    var sc = fake.source("masto", Network.MASTODON);
    sc.pageSize = 2;
    sc.token = "secret-token";
    client = new MastodonClient(sc, () -> List.of("nimbusair"), new ObjectMapper(), clock);
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void firstPollTakesTheNewestPageSkipsBoostsAndTurnsHtmlIntoText() throws Exception {
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withQueryParam("min_id", absent())
            .withHeader("Authorization", equalTo("Bearer secret-token"))
            .willReturn(
                okJson(FakeNetwork.fixture("mastodon/tag_first.json"))
                    .withHeader("X-RateLimit-Limit", "300")
                    .withHeader("X-RateLimit-Remaining", "299")
                    .withHeader("X-RateLimit-Reset", "2026-01-01T12:05:00.000000Z")));

    var result = client.fetch(null);

    assertThat(result.nextCursor()).isEqualTo("113500000000000005"); // > 2^53, kept as text
    assertThat(result.more()).isFalse();
    assertThat(result.rateLimit().remaining()).isEqualTo(299);
    assertThat(result.rateLimit().resetAt()).isEqualTo(Instant.parse("2026-01-01T12:05:00Z"));
    assertThat(result.mentions())
        .extracting(IncomingMention::externalId)
        .containsExactly(
            "https://fa.example/users/sara/statuses/113500000000000004",
            "https://mastodon.example/users/ahmad/statuses/113500000000000003");
    IncomingMention persian = result.mentions().get(0);
    assertThat(persian.language()).isNull();
    assertThat(persian.authorHandle()).isEqualTo("sara@fa.example");
    assertThat(persian.text()).isEqualTo("پشتیبانی #NimbusAir جواب نمی\u200Cدهد 😡");
    IncomingMention arabic = result.mentions().get(1);
    assertThat(arabic.text())
        .isEqualTo("رحلتي مع #NimbusAir تأخرت ٥ ساعات 😤✈️\n\nFish & chips <cold>\nagain");
    assertThat(arabic.authorFollowers()).isEqualTo(1200);
    assertThat(arabic.postedAt()).isEqualTo(Instant.parse("2026-01-01T11:57:30Z"));
  }

  @Test
  void pagesForwardWithMinIdUntilAShortPage() throws Exception {
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withQueryParam("min_id", equalTo("113500000000000005"))
            .willReturn(okJson(FakeNetwork.fixture("mastodon/tag_page2.json"))));
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withQueryParam("min_id", equalTo("113500000000000007"))
            .willReturn(okJson("[]")));

    var page = client.fetch("113500000000000005");
    assertThat(page.more()).isTrue();
    assertThat(page.nextCursor()).isEqualTo("113500000000000007");
    IncomingMention longPost = page.mentions().get(0);
    assertThat(longPost.text())
        .startsWith("rant\n\nNimbusAir lost my suitcase")
        .hasSizeGreaterThan(600);
    assertThat(page.mentions().get(1).text()).startsWith("@NimbusAir thanks");

    var last = client.fetch(page.nextCursor());
    assertThat(last.mentions()).isEmpty();
    assertThat(last.more()).isFalse();
    assertThat(last.nextCursor()).isEqualTo("113500000000000007");
  }

  @Test
  void tooManyRequestsCarriesTheIsoReset() {
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("X-RateLimit-Limit", "300")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset", "2026-01-01T12:04:59.123456Z")
                    .withBody("{\"error\":\"Too many requests\"}")));
    assertThatThrownBy(() -> client.fetch(null))
        .isInstanceOfSatisfying(
            SourceException.RateLimited.class,
            e -> assertThat(e.resetAt()).isEqualTo(Instant.parse("2026-01-01T12:04:59.123456Z")));
  }

  @Test
  void badTokenIsAnAuthFailure() {
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"error\":\"The access token is invalid\"}")));
    assertThatThrownBy(() -> client.fetch(null))
        .isInstanceOf(SourceException.AuthRejected.class)
        .hasMessageContaining("access token is invalid")
        .hasMessageNotContaining("secret-token");
  }

  @Test
  void serverErrorsBadBodiesTimeoutsAndResetsAreTransient() {
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withQueryParam("min_id", equalTo("1"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        "<html><body><h1>We're sorry, but something went wrong</h1></body></html>")));
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withQueryParam("min_id", equalTo("2"))
            .willReturn(okJson("[{\"id\":\"113500000000000009\",\"content\":\"<p>trunc")));
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withQueryParam("min_id", equalTo("3"))
            .willReturn(okJson("[]").withFixedDelay(6000)));
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withQueryParam("min_id", equalTo("4"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.fetch("1"))
        .isInstanceOf(SourceException.Transient.class)
        .hasMessageContaining("500");
    assertThatThrownBy(() -> client.fetch("2")).isInstanceOf(SourceException.Transient.class);
    assertThatThrownBy(() -> client.fetch("3"))
        .isInstanceOf(SourceException.Transient.class)
        .hasMessageContaining("timed out");
    assertThatThrownBy(() -> client.fetch("4")).isInstanceOf(SourceException.Transient.class);
  }

  @Test
  void replyResolvesTheUriAndSendsAnIdempotencyKey() throws Exception {
    String uri = "https://mastodon.example/users/ahmad/statuses/113500000000000003";
    fake.server.stubFor(
        get(urlPathEqualTo("/api/v2/search"))
            .withQueryParam("q", equalTo(uri))
            .withQueryParam("resolve", equalTo("true"))
            .willReturn(okJson(FakeNetwork.fixture("mastodon/search_resolve.json"))));
    fake.server.stubFor(
        post(urlPathEqualTo("/api/v1/statuses"))
            .willReturn(okJson(FakeNetwork.fixture("mastodon/status_created.json"))));

    var sent =
        client.send(
            new ReplySender.OutgoingReply(
                42, 7, Network.MASTODON, uri, "ahmad", "Sorry! We are on it 🙏"));

    assertThat(sent.externalId())
        .isEqualTo("https://mastodon.example/users/nimbushelp/statuses/113500000000000099");
    fake.server.verify(
        postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
            .withHeader("Idempotency-Key", equalTo("complaintdesk-reply-42"))
            .withRequestBody(containing("in_reply_to_id=113500000000000003"))
            .withRequestBody(containing("status=%40ahmad+Sorry")));
  }

  @Test
  void refusedRepliesAreFinalServerErrorsAreRetryable() {
    fake.server.stubFor(
        get(urlPathEqualTo("/api/v2/search"))
            .willReturn(okJson(FakeNetwork.fixture("mastodon/search_resolve.json"))));
    fake.server.stubFor(
        post(urlPathEqualTo("/api/v1/statuses"))
            .withRequestBody(containing("first"))
            .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"Validation failed\"}")));
    fake.server.stubFor(
        post(urlPathEqualTo("/api/v1/statuses"))
            .withRequestBody(containing("second"))
            .willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
    var base = new ReplySender.OutgoingReply(1, 1, Network.MASTODON, "u", "ahmad", "first");
    assertThatThrownBy(() -> client.send(base))
        .isInstanceOfSatisfying(
            ReplySender.ReplyFailedException.class, e -> assertThat(e.retryable()).isFalse());
    var second = new ReplySender.OutgoingReply(2, 1, Network.MASTODON, "u", "ahmad", "second");
    assertThatThrownBy(() -> client.send(second))
        .isInstanceOfSatisfying(
            ReplySender.ReplyFailedException.class, e -> assertThat(e.retryable()).isTrue());
  }

  static String statuses(long... ids) {
    StringBuilder b = new StringBuilder("{\"accounts\":[],\"hashtags\":[],\"statuses\":[");
    for (int i = 0; i < ids.length; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(ids[i])
          .append("\",\"uri\":\"https://m.example/users/a/statuses/")
          .append(ids[i])
          .append("\",\"created_at\":\"2026-01-01T11:59:00.000Z\",\"language\":null,")
          .append("\"content\":\"<p>NimbusAir &amp; me \u0627\u0644\u0633\u0644\u0627\u0645</p>\",")
          .append("\"reblog\":null,\"account\":{\"acct\":\"a@m.example\"}}");
    }
    return b.append("]}").toString();
  }

  @Test
  void withATokenSearchesEachAlternativeAndPagesWithOffsetAboveMinId() throws Exception {
    var sc = fake.source("masto-search", Network.MASTODON);
    sc.pageSize = 2;
    sc.token = "search-token";
    var searching =
        new MastodonClient(
            sc,
            () -> List.of("nimbusair"),
            () -> List.of("NimbusAir", "\"Nimbus Air\""),
            new ObjectMapper(),
            clock);
    String search = "/api/v2/search";
    var s = fake.server;
    // First run: one page per search, no min_id ("from now").
    s.stubFor(
        get(urlPathEqualTo(search))
            .withQueryParam("q", equalTo("NimbusAir"))
            .withQueryParam("type", equalTo("statuses"))
            .withQueryParam("min_id", absent())
            .withHeader("Authorization", equalTo("Bearer search-token"))
            .willReturn(okJson(statuses(113500000000000005L, 113500000000000004L))));
    s.stubFor(
        get(urlPathEqualTo(search))
            .withQueryParam("q", equalTo("\"Nimbus Air\""))
            .withQueryParam("min_id", absent())
            .willReturn(okJson(statuses())));
    var first = searching.fetch(null);
    assertThat(first.mentions()).hasSize(2);
    assertThat(first.mentions().get(0).text()).isEqualTo("NimbusAir & me السلام");
    assertThat(first.more()).isTrue();
    var firstDone = searching.fetch(first.nextCursor());
    assertThat(firstDone.more()).isFalse();
    assertThat(firstDone.nextCursor()).isEqualTo("113500000000000005");

    // Next run: a full page means more at the next offset; the newest id is promoted only at the
    // end.
    String min = "113500000000000005";
    s.stubFor(
        get(urlPathEqualTo(search))
            .withQueryParam("q", equalTo("NimbusAir"))
            .withQueryParam("min_id", equalTo(min))
            .withQueryParam("offset", equalTo("0"))
            .willReturn(okJson(statuses(113500000000000007L, 113500000000000006L))));
    s.stubFor(
        get(urlPathEqualTo(search))
            .withQueryParam("q", equalTo("NimbusAir"))
            .withQueryParam("min_id", equalTo(min))
            .withQueryParam("offset", equalTo("2"))
            // 113500000000000005 itself: a server that ignores min_id must not move us back
            .willReturn(okJson(statuses(113500000000000008L, 113500000000000005L))));
    s.stubFor(
        get(urlPathEqualTo(search))
            .withQueryParam("q", equalTo("NimbusAir"))
            .withQueryParam("min_id", equalTo(min))
            .withQueryParam("offset", equalTo("4"))
            .willReturn(okJson(statuses())));
    s.stubFor(
        get(urlPathEqualTo(search))
            .withQueryParam("q", equalTo("\"Nimbus Air\""))
            .withQueryParam("min_id", equalTo(min))
            .withQueryParam("offset", equalTo("0"))
            .willReturn(okJson(statuses(113500000000000009L))));

    List<String> ids = new java.util.ArrayList<>();
    var page = searching.fetch(min);
    List<String> cursors = new java.util.ArrayList<>();
    while (true) {
      page.mentions().forEach(m -> ids.add(m.externalId().replaceAll(".*/", "")));
      cursors.add(page.nextCursor());
      if (!page.more()) {
        break;
      }
      page = searching.fetch(page.nextCursor());
    }
    assertThat(ids)
        .containsExactly(
            "113500000000000007", "113500000000000006", "113500000000000008", "113500000000000009");
    assertThat(cursors)
        .containsExactly(
            min + ";113500000000000007;0;2",
            min + ";113500000000000008;0;4",
            min + ";113500000000000008;1;0",
            "113500000000000009");
    s.verify(0, getRequestedFor(urlPathEqualTo(TAG)));
    s.verify(0, getRequestedFor(urlPathEqualTo(search)).withoutHeader("Authorization"));
  }

  @Test
  void configuredHashtagsKeepTheTimelineEvenWithAToken() throws Exception {
    var sc = fake.source("masto-tags", Network.MASTODON);
    sc.token = "search-token";
    sc.hashtags = List.of("nimbusair");
    var client =
        new MastodonClient(
            sc, () -> List.of("nimbusair"), () -> List.of("NimbusAir"), new ObjectMapper(), clock);
    fake.server.stubFor(get(urlPathEqualTo(TAG)).willReturn(okJson("[]")));
    assertThat(client.fetch(null).mentions()).isEmpty();
    fake.server.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/search")));
  }

  @Test
  void aReplyToADeletedPostFailsForGood() {
    fake.server.stubFor(
        get(urlPathEqualTo("/api/v2/search"))
            .withQueryParam("resolve", equalTo("true"))
            .willReturn(okJson("{\"accounts\":[],\"hashtags\":[],\"statuses\":[]}")));
    var reply =
        new ReplySender.OutgoingReply(
            9, 1, Network.MASTODON, "https://m.example/users/a/statuses/1", "a", "Sorry!");
    assertThatThrownBy(() -> client.send(reply))
        .isInstanceOfSatisfying(
            ReplySender.ReplyFailedException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("deleted");
            });
    fake.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
  }
}
