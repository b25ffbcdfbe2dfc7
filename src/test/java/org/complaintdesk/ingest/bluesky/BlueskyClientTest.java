package org.complaintdesk.ingest.bluesky;

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

class BlueskyClientTest {
  static final String SEARCH = "/xrpc/app.bsky.feed.searchPosts";
  FakeNetwork fake;
  BlueskyClient client;
  org.complaintdesk.ingest.SourceConfiguration sc;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));

  @BeforeEach
  void setUp() {
    fake = new FakeNetwork();
    sc = fake.source("bsky", Network.BLUESKY);
    sc.username = "nimbushelp.bsky.social";
    sc.password = "app-password";
    sc.pageSize = 2;
    client = new BlueskyClient(sc, () -> List.of("NimbusAir"), new ObjectMapper(), clock);
    fake.server.stubFor(
        post("/xrpc/com.atproto.server.createSession")
            .withRequestBody(matchingJsonPath("$.identifier", equalTo("nimbushelp.bsky.social")))
            .willReturn(okJson(FakeNetwork.fixture("bluesky/session.json"))));
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void searchesWithACachedSessionPagesAndSkipsDeletedPosts() throws Exception {
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since", absent())
            .withHeader("Authorization", equalTo("Bearer jwt-1"))
            .willReturn(okJson(FakeNetwork.fixture("bluesky/search_page1.json"))));
    var first = client.fetch(null);
    assertThat(first.mentions()).hasSize(2);
    IncomingMention arabic = first.mentions().get(0);
    assertThat(arabic.externalId()).isEqualTo("at://did:plc:mina/app.bsky.feed.post/3lbxyz3");
    assertThat(arabic.text()).isEqualTo("خدمة NimbusAir سيئة جداً 😡🇸🇦");
    assertThat(arabic.language()).isEqualTo("ar");
    assertThat(arabic.url()).isEqualTo("https://bsky.app/profile/mina.bsky.social/post/3lbxyz3");
    assertThat(first.mentions().get(1).language()).isNull();
    // newest indexedAt minus the 2-minute overlap
    assertThat(first.nextCursor()).isEqualTo("2026-01-01T11:57:00Z");

    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("since", equalTo("2026-01-01T11:57:00Z"))
            .withQueryParam("cursor", absent())
            .willReturn(
                okJson(FakeNetwork.fixture("bluesky/search_page1.json"))
                    .withHeader("RateLimit-Limit", "3000")
                    .withHeader("RateLimit-Remaining", "2999")
                    .withHeader("RateLimit-Reset", "1767269100")
                    .withHeader("RateLimit-Policy", "3000;w=300")));
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .withQueryParam("cursor", equalTo("2"))
            .willReturn(okJson(FakeNetwork.fixture("bluesky/search_page2.json"))));
    var second = client.fetch(first.nextCursor());
    assertThat(second.mentions())
        .hasSize(3); // overlap repeats two (dedup absorbs), deleted skipped
    assertThat(second.mentions().get(2).text()).startsWith("quoting this");
    fake.server.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession")));
  }

  @Test
  void rateLimitUsesEpochSecondsAndExpiredTokensLogInAgain() {
    fake.server.stubFor(
        get(urlPathEqualTo(SEARCH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("RateLimit-Limit", "3000")
                    .withHeader("RateLimit-Remaining", "0")
                    .withHeader("RateLimit-Reset", "1767269100")
                    .withBody("{\"error\":\"RateLimitExceeded\"}")));
    assertThatThrownBy(() -> client.fetch(null))
        .isInstanceOfSatisfying(
            SourceException.RateLimited.class,
            e -> assertThat(e.resetAt()).isEqualTo(Instant.ofEpochSecond(1767269100)));
  }

  @Test
  void wrongAppPasswordIsAnAuthFailure() {
    fake.server.stubFor(
        post("/xrpc/com.atproto.server.createSession")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
    assertThatThrownBy(() -> client.fetch(null))
        .isInstanceOf(SourceException.AuthRejected.class)
        .hasMessageNotContaining("app-password");
  }

  @Test
  void truncatedJsonIsTransient() {
    fake.server.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson("{\"posts\":[{\"uri\":")));
    assertThatThrownBy(() -> client.fetch(null)).isInstanceOf(SourceException.Transient.class);
  }

  @Test
  void replyCarriesRootAndParentStrongRefs() throws Exception {
    fake.server.stubFor(
        get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
            .willReturn(okJson(FakeNetwork.fixture("bluesky/get_posts.json"))));
    fake.server.stubFor(
        post("/xrpc/com.atproto.repo.createRecord")
            .willReturn(okJson(FakeNetwork.fixture("bluesky/created.json"))));
    var sent =
        client.send(
            new ReplySender.OutgoingReply(
                5,
                1,
                Network.BLUESKY,
                "at://did:plc:mina/app.bsky.feed.post/3lbxyz3",
                "mina.bsky.social",
                "Sorry! DM us 🙏"));
    assertThat(sent.externalId()).isEqualTo("at://did:plc:nimbushelp/app.bsky.feed.post/3lreply");
    fake.server.verify(
        postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
            .withRequestBody(matchingJsonPath("$.repo", equalTo("did:plc:nimbushelp")))
            .withRequestBody(
                matchingJsonPath("$.record.reply.parent.cid", equalTo("bafyrei3lbxyz3")))
            .withRequestBody(matchingJsonPath("$.record.reply.root.cid", equalTo("bafyroot"))));
  }

  @Test
  void aNewAppPasswordLogsInAgainOnTheNextPoll() throws Exception {
    fake.server.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson("{\"posts\":[]}")));
    client.fetch(null);
    client.fetch(null);
    fake.server.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession")));
    sc.password = "rotated-app-password"; // what PUT /api/sources/bsky/credentials does
    client.fetch(null);
    fake.server.verify(
        postRequestedFor(urlEqualTo("/xrpc/com.atproto.server.createSession"))
            .withRequestBody(matchingJsonPath("$.password", equalTo("rotated-app-password"))));
  }
}
