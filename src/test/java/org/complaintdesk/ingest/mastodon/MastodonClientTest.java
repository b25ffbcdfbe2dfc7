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
}
