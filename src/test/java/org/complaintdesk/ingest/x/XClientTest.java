package org.complaintdesk.ingest.x;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Instant;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.SourceConfiguration;
import org.complaintdesk.ingest.SourceException;
import org.complaintdesk.replies.ReplySender;
import org.complaintdesk.testing.FakeNetwork;
import org.complaintdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XClientTest {
  static final String SEARCH = "/2/tweets/search/recent";
  FakeNetwork fake;
  SourceConfiguration sc;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));

  @BeforeEach
  void setUp() {
    fake = new FakeNetwork();
    sc = fake.source("x", Network.X);
    sc.token = "bearer-secret";
    sc.consumerKey = "ck";
    sc.consumerSecret = "cs";
    sc.accessToken = "at";
    sc.accessTokenSecret = "ats";
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  XClient client() {
    return new XClient(sc, () -> "NimbusAir -is:retweet", new ObjectMapper(), clock);
  }

  @Test
  void v2PagesWithNextTokenAndPromotesTheNewestIdOnlyAtTheEnd() throws Exception {
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo("1799999999999999000"))
            .withQueryParam("next_token", absent())
            .withQueryParam("tweet.fields", containing("note_tweet"))
            .withHeader("Authorization", equalTo("Bearer bearer-secret"))
            .willReturn(
                okJson(FakeNetwork.fixture("x/search_page1.json"))
                    .withHeader("x-rate-limit-limit", "450")
                    .withHeader("x-rate-limit-remaining", "449")
                    .withHeader("x-rate-limit-reset", "1767269700")));
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("next_token", equalTo("b26v89c19zqg8o3fpzbkk"))
            .withQueryParam("since_id", equalTo("1799999999999999000"))
            .willReturn(okJson(FakeNetwork.fixture("x/search_page2.json"))));
    var client = client();

    var first = client.fetch("1799999999999999000;;");
    assertThat(first.more()).isTrue();
    assertThat(first.nextCursor())
        .isEqualTo("1799999999999999000;1800000000000000005;b26v89c19zqg8o3fpzbkk");
    assertThat(first.rateLimit().resetAt()).isEqualTo(Instant.ofEpochSecond(1767269700));
    assertThat(first.mentions())
        .extracting(IncomingMention::externalId)
        .containsExactly("1800000000000000004", "1800000000000000003"); // retweet skipped
    IncomingMention longPost = first.mentions().get(0);
    assertThat(longPost.text()).hasSizeGreaterThan(400).doesNotContain("t.co");
    IncomingMention quote = first.mentions().get(1);
    assertThat(quote.authorHandle()).isEqualTo("salma_q8");
    assertThat(quote.authorFollowers()).isEqualTo(15200);
    assertThat(quote.text()).isEqualTo("@NimbusAir وين شنطتي؟ 😡 ثلاث أيام!");

    var second = client.fetch(first.nextCursor());
    assertThat(second.more()).isFalse();
    assertThat(second.nextCursor()).isEqualTo("1800000000000000005;;");
    assertThat(second.mentions().get(0).language()).isNull(); // "und"
    // X sends &, < and > as entities; stored as the author typed them.
    assertThat(second.mentions().get(0).text())
        .isEqualTo("NimbusAir 🙄🙄 lost again & again <sigh>");
  }

  @Test
  void firstRunStartsFromNowWithoutPaging() throws Exception {
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", absent())
            .willReturn(okJson(FakeNetwork.fixture("x/search_page1.json"))));
    var first = client().fetch(null);
    assertThat(first.more()).isFalse();
    assertThat(first.nextCursor()).isEqualTo("1800000000000000005;;");
  }

  @Test
  void rateLimitAuthAndTransportFailures() {
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo("1"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("x-rate-limit-limit", "450")
                    .withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", "1767269700")
                    .withBody("{\"title\":\"Too Many Requests\",\"status\":429}")));
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo("2"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"errors\":[{\"code\":453,\"message\":\"You currently have access to a subset of X API V2 endpoints\"}]}")));
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo("3"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since_id", equalTo("4"))
            .willReturn(okJson("{\"data\":[{\"id\":\"18")));
    var client = client();
    assertThatThrownBy(() -> client.fetch("1;;"))
        .isInstanceOfSatisfying(
            SourceException.RateLimited.class,
            e -> assertThat(e.resetAt()).isEqualTo(Instant.ofEpochSecond(1767269700)));
    assertThatThrownBy(() -> client.fetch("2;;"))
        .isInstanceOf(SourceException.AuthRejected.class)
        .hasMessageContaining("453");
    assertThatThrownBy(() -> client.fetch("3;;")).isInstanceOf(SourceException.Transient.class);
    assertThatThrownBy(() -> client.fetch("4;;")).isInstanceOf(SourceException.Transient.class);
  }

  @Test
  void legacyV11SearchThroughTwitter4jSkipsRetweets() throws Exception {
    sc.xApi = "v1.1";
    fake.server.stubFor(
        get(urlPathEqualTo("/1.1/search/tweets.json"))
            .withQueryParam("since_id", equalTo("1799999999999999000"))
            .withQueryParam("tweet_mode", equalTo("extended"))
            .willReturn(okJson(FakeNetwork.fixture("x/v11_search.json"))));
    var result = client().fetch("1799999999999999000");
    assertThat(result.mentions()).hasSize(1);
    assertThat(result.mentions().get(0).externalId()).isEqualTo("1800000000000000003");
    assertThat(result.mentions().get(0).text()).isEqualTo("@NimbusAir وين شنطتي؟ 😡");
    assertThat(result.nextCursor()).isEqualTo("1800000000000000003");
  }

  /** X answers a new post with 201 and the created post. */
  private void stubCreatedPost() {
    fake.server.stubFor(
        post("/2/tweets")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(FakeNetwork.fixture("x/created.json"))));
  }

  @Test
  void replyIsAV2PostSignedWithOAuth1() throws Exception {
    stubCreatedPost();
    var sent =
        client()
            .send(
                new ReplySender.OutgoingReply(
                    9, 1, Network.X, "1800000000000000003", "salma_q8", "Sorry! 🙏"));
    assertThat(sent.externalId()).isEqualTo("1800000000000000099");
    fake.server.verify(
        postRequestedFor(urlEqualTo("/2/tweets"))
            .withHeader("Authorization", matching("OAuth .*oauth_consumer_key=\"ck\".*"))
            .withHeader("Authorization", containing("oauth_token=\"at\""))
            .withHeader("Authorization", containing("oauth_signature="))
            .withRequestBody(
                matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("1800000000000000003"))));
  }

  @Test
  void keysReplacedOverTheApiSignTheNextReply() throws Exception {
    stubCreatedPost();
    var client = client();
    sc.consumerKey = "ck2"; // what PUT /api/sources/x/credentials does to the live config
    sc.accessToken = "at2";
    client.send(
        new ReplySender.OutgoingReply(10, 1, Network.X, "1800000000000000003", "salma_q8", "Hi"));
    fake.server.verify(
        postRequestedFor(urlEqualTo("/2/tweets"))
            .withHeader("Authorization", containing("oauth_consumer_key=\"ck2\""))
            .withHeader("Authorization", containing("oauth_token=\"at2\"")));
  }
}
