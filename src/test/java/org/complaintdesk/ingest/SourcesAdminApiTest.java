package org.complaintdesk.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.FakeNetwork;
import org.complaintdesk.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Source administration over HTTP: pause/resume and write-only credentials, admins only, audited
 * with field names only; a new token is used by the source's next poll, and its value never shows
 * up in an API answer, the audit trail or the log.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SourcesAdminApiTest {
  static final String NEW_TOKEN = "new-token-7f3a-never-shown";
  static final String NEW_HOOK_SECRET = "hook-secret-2-never-shown";
  static final String TAG = "/api/v1/timelines/tag/nimbusair";
  static final FakeNetwork FAKE = stubbed();
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP =
      TestApp.createWithYaml(
          0,
          """
          sources:
            - name: masto
              network: mastodon
              baseUrl: %s
              hashtags: [nimbusair]
              token: old-token
              interval: 100ms
            - name: hook
              network: webhook
              webhookSecret: old-hook-secret
          """
              .formatted(FAKE.baseUrl()),
          ConfigOverride.config(
              "ingest.secretKey", Base64.getEncoder().encodeToString(new byte[32])),
          ConfigOverride.config("ingest.pollerThreads", "2"));
  static String admin;
  ListAppender<ILoggingEvent> logs;
  Level rootLevel;
  Level appLevel;

  static FakeNetwork stubbed() {
    var fake = new FakeNetwork();
    // The old token sees nothing new; only the new one is answered with posts.
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withHeader("Authorization", equalTo("Bearer old-token"))
            .willReturn(okJson("[]")));
    fake.server.stubFor(
        get(urlPathEqualTo(TAG))
            .withHeader("Authorization", equalTo("Bearer " + NEW_TOKEN))
            .willReturn(okJson(FakeNetwork.fixture("mastodon/tag_first.json"))));
    return fake;
  }

  @BeforeAll
  static void login() {
    admin = TestApp.login(APP, TestApp.ADMIN);
  }

  @AfterAll
  static void tearDown() {
    FAKE.close();
  }

  @BeforeEach
  void captureLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    // Production's INFO for libraries (Jetty's DEBUG dumps raw request buffers, login passwords
    // included), and everything of ours down to DEBUG.
    root.setLevel(Level.INFO);
    Logger app = (Logger) LoggerFactory.getLogger("org.complaintdesk");
    appLevel = app.getLevel();
    app.setLevel(Level.DEBUG);
    logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stopCapture() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    ((Logger) LoggerFactory.getLogger("org.complaintdesk")).setLevel(appLevel);
  }

  static Response put(String token, String path, Object body) {
    return TestApp.as(APP, token, path).put(Entity.json(body));
  }

  static Response post(String token, String path) {
    return TestApp.as(APP, token, path).post(Entity.json("{}"));
  }

  @Test
  void onlyAdminsMaySeeOrChangeSources() {
    String responder = TestApp.login(APP, TestApp.RESPONDER);
    String marketer = TestApp.login(APP, TestApp.MARKETER);
    for (String path : new String[] {"/api/sources/masto/pause", "/api/sources/masto/resume"}) {
      try (var r = post(responder, path)) {
        assertThat(r.getStatus()).isEqualTo(403);
      }
      try (var r = post(marketer, path)) {
        assertThat(r.getStatus()).isEqualTo(403);
      }
      try (var r = post(null, path)) {
        assertThat(r.getStatus()).isEqualTo(401);
      }
    }
    var body = Map.of("token", NEW_TOKEN);
    try (var r = put(responder, "/api/sources/masto/credentials", body)) {
      assertThat(r.getStatus()).isEqualTo(403);
    }
    try (var r = put(marketer, "/api/sources/masto/credentials", body)) {
      assertThat(r.getStatus()).isEqualTo(403);
    }
    try (var r = put(null, "/api/sources/masto/credentials", body)) {
      assertThat(r.getStatus()).isEqualTo(401);
      assertThat(r.readEntity(String.class)).doesNotContain(NEW_TOKEN);
    }
    try (var r = TestApp.as(APP, marketer, "/api/sources").get()) {
      assertThat(r.getStatus()).isEqualTo(403);
    }
    try (var r = TestApp.as(APP, null, "/api/sources").get()) {
      assertThat(r.getStatus()).isEqualTo(401);
    }
    assertNoSecretLogged();
  }

  @Test
  void aNewTokenIsWriteOnlyAuditedWithoutValueAndUsedByTheNextPoll() {
    try (var r = put(admin, "/api/sources/masto/credentials", Map.of("token", NEW_TOKEN))) {
      assertThat(r.getStatus()).isEqualTo(200);
      String answer = r.readEntity(String.class);
      assertThat(answer).doesNotContain(NEW_TOKEN).contains("\"fieldsWritten\":[\"token\"]");
    }
    // The poller's next request carries the new token, and its posts are stored.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                FAKE.server.verify(
                    getRequestedFor(urlPathEqualTo(TAG))
                        .withHeader("Authorization", equalTo("Bearer " + NEW_TOKEN))));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> source("masto").get("itemsFetched").asLong() >= 2);

    String sources = TestApp.as(APP, admin, "/api/sources").get(String.class);
    assertThat(sources).doesNotContain(NEW_TOKEN).doesNotContain("old-token");
    assertThat(source("masto").get("credentialsSet").toString()).isEqualTo("[\"token\"]");

    JsonNode audit =
        TestApp.as(APP, admin, "/api/audit?action=source.credentials.changed").get(JsonNode.class);
    assertThat(audit.toString()).doesNotContain(NEW_TOKEN).contains("source:masto");
    assertThat(audit.toString()).contains("fieldsWritten").contains("admin");
    synchronized (logs) { // the capture works: the change itself is logged, by field name
      assertThat(logs.list)
          .anyMatch(e -> e.getFormattedMessage().contains("credentials of source 'masto'"));
    }
    assertNoSecretLogged();
  }

  @Test
  void aNewWebhookSecretChecksDeliveriesAtOnce() {
    try (var r =
        put(admin, "/api/sources/hook/credentials", Map.of("webhookSecret", NEW_HOOK_SECRET))) {
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.readEntity(String.class)).doesNotContain(NEW_HOOK_SECRET);
    }
    String body =
        "{\"eventId\":\"evt-9\",\"author\":\"dana\",\"text\":\"NimbusAir again\","
            + "\"postedAt\":\"2026-01-01T10:00:00Z\"}";
    try (var r =
        TestApp.hook(APP, "/api/ingest/hook", body, TestApp.sign(body, "old-hook-secret"))) {
      assertThat(r.getStatus()).isEqualTo(401);
    }
    try (var r = TestApp.hook(APP, "/api/ingest/hook", body, TestApp.sign(body, NEW_HOOK_SECRET))) {
      assertThat(r.getStatus()).isEqualTo(202);
    }
    assertNoSecretLogged();
  }

  @Test
  void badCredentialWritesAreClearErrors() {
    try (var r = put(admin, "/api/sources/masto/credentials", Map.of("appPassword", "x"))) {
      assertThat(r.getStatus()).isEqualTo(422);
      JsonNode error = r.readEntity(JsonNode.class);
      assertThat(error.get("code").asInt()).isEqualTo(422);
      assertThat(error.get("message").asText()).contains("token");
    }
    try (var r = put(admin, "/api/sources/masto/credentials", Map.of("token", " "))) {
      assertThat(r.getStatus()).isEqualTo(422);
    }
    try (var r = put(admin, "/api/sources/nope/credentials", Map.of("token", "x"))) {
      assertThat(r.getStatus()).isEqualTo(404);
    }
  }

  @Test
  void pauseAndResumeAreAudited() {
    try (var r = post(admin, "/api/sources/masto/pause")) {
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.readEntity(JsonNode.class).get("adminPaused").asBoolean()).isTrue();
    }
    assertThat(source("masto").get("adminPaused").asBoolean()).isTrue();
    try (var r = post(admin, "/api/sources/masto/resume")) {
      assertThat(r.getStatus()).isEqualTo(200);
    }
    assertThat(source("masto").get("adminPaused").asBoolean()).isFalse();
    try (var r = post(admin, "/api/sources/nope/pause")) {
      assertThat(r.getStatus()).isEqualTo(404);
    }
    String audit = TestApp.as(APP, admin, "/api/audit?action=source").get(String.class);
    assertThat(audit).contains("source.paused").contains("source.resumed");
  }

  static JsonNode source(String name) {
    for (JsonNode s : TestApp.as(APP, admin, "/api/sources").get(JsonNode.class)) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no source " + name);
  }

  void assertNoSecretLogged() {
    List<ILoggingEvent> events;
    synchronized (logs) { // appends happen on server threads, under the appender's lock
      events = List.copyOf(logs.list);
    }
    for (ILoggingEvent e : events) {
      String line =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      assertThat(line).doesNotContain(NEW_TOKEN).doesNotContain(NEW_HOOK_SECRET);
    }
  }
}
