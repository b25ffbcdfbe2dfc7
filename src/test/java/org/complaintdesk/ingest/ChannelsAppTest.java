package org.complaintdesk.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.FakeNetwork;
import org.complaintdesk.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole app with real channels configured: a Mastodon source on a fake instance, a Mastodon
 * source whose token is refused, and a webhook source.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ChannelsAppTest {
  static final String SECRET = "hook-secret-do-not-leak";
  // Stubbed before the app starts: the pollers run at once, and under the test clock a backed-off
  // poller would wait forever.
  static final FakeNetwork FAKE = stubbed();
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP =
      TestApp.createWithYaml(
          0,
          """
          sources:
            - name: masto
              network: mastodon
              baseUrl: %1$s
              hashtags: [nimbusair]
              token: good-token
              interval: 200ms
            - name: masto-bad
              network: mastodon
              baseUrl: %1$s/bad
              hashtags: [nimbusair]
              token: revoked-token
              interval: 200ms
            - name: helpdesk
              network: webhook
              webhookSecret: %2$s
          """
              .formatted(FAKE.baseUrl(), SECRET));
  static String admin;

  static FakeNetwork stubbed() {
    var fake = new FakeNetwork();
    fake.server.stubFor(
        get(urlPathEqualTo("/api/v1/timelines/tag/nimbusair"))
            .willReturn(okJson(FakeNetwork.fixture("mastodon/tag_first.json"))));
    fake.server.stubFor(
        get(urlPathEqualTo("/bad/api/v1/timelines/tag/nimbusair"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"error\":\"The access token is invalid\"}")));
    return fake;
  }

  @BeforeAll
  static void setUp() {
    admin = TestApp.login(APP, TestApp.ADMIN);
  }

  @AfterAll
  static void tearDown() {
    FAKE.close();
  }

  static JsonNode source(String name) {
    for (JsonNode s : TestApp.as(APP, admin, "/api/sources").get(JsonNode.class)) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no source " + name);
  }

  @Test
  void mastodonPostsAreStoredAndHealthIsShown() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> source("masto").get("itemsFetched").asLong() >= 2);
    JsonNode masto = source("masto");
    assertThat(masto.get("state").asText()).isEqualTo("ok");
    assertThat(masto.get("cursor").asText()).isEqualTo("113500000000000005");
    assertThat(masto.get("lastSuccessAt").isNull()).isFalse();
    JsonNode mentions =
        TestApp.as(APP, admin, "/api/mentions?network=mastodon").get(JsonNode.class).get("items");
    assertThat(mentions).hasSize(2);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> source("masto-bad").get("state").asText().equals("unhealthy"));
    JsonNode bad = source("masto-bad");
    assertThat(bad.get("lastError").asText()).contains("401");
    assertThat(bad.get("consecutiveFailures").asInt()).isEqualTo(1);
    // Polled once, then left alone (authRetryInterval is 30 minutes).
    FAKE.server.verify(1, getRequestedFor(urlPathEqualTo("/bad/api/v1/timelines/tag/nimbusair")));

    String all = TestApp.as(APP, admin, "/api/sources").get(String.class);
    assertThat(all)
        .doesNotContain("good-token")
        .doesNotContain("revoked-token")
        .doesNotContain(SECRET);
  }

  static Response hook(String path, String body, String signature) {
    return TestApp.hook(APP, path, body, signature);
  }

  @Test
  void webhookChecksTheSignatureDeduplicatesAndStoresAsynchronously() {
    String body =
        "{\"eventId\":\"evt-1\",\"author\":\"dana\",\"text\":\"NimbusAir ate my bag 🧳 خدمة سيئة\","
            + "\"postedAt\":\"2026-01-01T10:00:00Z\",\"language\":\"en\"}";
    try (var r = hook("/api/ingest/helpdesk", body, TestApp.sign(body, "wrong-secret"))) {
      assertThat(r.getStatus()).isEqualTo(401);
      JsonNode error = r.readEntity(JsonNode.class);
      assertThat(error.get("code").asInt()).isEqualTo(401);
      assertThat(error.toString()).doesNotContain(SECRET);
    }
    try (var r = hook("/api/ingest/helpdesk", body, null)) {
      assertThat(r.getStatus()).isEqualTo(401);
    }
    // One changed byte after signing.
    try (var r =
        hook("/api/ingest/helpdesk", body.replace("dana", "dan4"), TestApp.sign(body, SECRET))) {
      assertThat(r.getStatus()).isEqualTo(401);
    }
    try (var r = hook("/api/ingest/helpdesk", body, TestApp.sign(body, SECRET))) {
      assertThat(r.getStatus()).isEqualTo(202);
    }
    try (var r = hook("/api/ingest/helpdesk", body, TestApp.sign(body, SECRET))) {
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.readEntity(JsonNode.class).get("status").asText()).isEqualTo("duplicate");
    }
    String bad = "{\"eventId\":\"evt-2\",\"text\":\"no author\"}";
    try (var r = hook("/api/ingest/helpdesk", bad, TestApp.sign(bad, SECRET))) {
      assertThat(r.getStatus()).isEqualTo(422);
    }
    try (var r = hook("/api/ingest/nope", body, TestApp.sign(body, SECRET))) {
      assertThat(r.getStatus()).isEqualTo(404);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TestApp.as(APP, admin, "/api/mentions?network=webhook")
                        .get(JsonNode.class)
                        .get("items")
                        .size()
                    == 1);
    JsonNode m =
        TestApp.as(APP, admin, "/api/mentions?network=webhook")
            .get(JsonNode.class)
            .get("items")
            .get(0);
    assertThat(m.get("externalId").asText()).isEqualTo("evt-1");
    assertThat(m.get("authorHandle").asText()).isEqualTo("dana");
  }
}
