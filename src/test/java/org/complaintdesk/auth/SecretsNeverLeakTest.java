package org.complaintdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.Endpoints;
import org.complaintdesk.testing.Fixtures;
import org.complaintdesk.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Passwords, password hashes, tokens and token hashes never appear in an API response (other than
 * the one response that hands a new token out) or in a log line; customer text comes back verbatim
 * as JSON data, never as markup. Logs are captured at INFO, the level real installations run at (at
 * DEBUG, Jetty itself dumps raw request bytes, passwords included).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretsNeverLeakTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP =
      TestApp.create(0, ConfigOverride.config("logging.level", "INFO"));

  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  @BeforeAll
  static void captureLogs() {
    LOGS.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
  }

  @AfterAll
  static void stopCapturing() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
  }

  private static String body(Response r) {
    try (r) {
      return r.readEntity(String.class);
    }
  }

  @Test
  void secretsStayOutOfResponsesAndLogs() {
    List<String> secrets = new ArrayList<>();
    List<String> responses = new ArrayList<>();
    String admin = TestApp.login(APP, TestApp.ADMIN);
    secrets.add(TestApp.password(TestApp.ADMIN));

    // Wrong passwords, and a password typed into the username field.
    for (var attempt :
        List.of(
            Map.of("username", "admin", "password", "typo-Secret-1"),
            Map.of("username", "pw-in-username-Secret-2", "password", "x"))) {
      responses.add(body(TestApp.as(APP, null, "/api/login").post(Entity.json(attempt))));
    }
    secrets.addAll(List.of("typo-Secret-1", "pw-in-username-Secret-2"));

    String userPassword = "leaky-Secret-3";
    long id;
    try (Response r =
        TestApp.as(APP, admin, "/api/users")
            .post(
                Entity.json(
                    Map.of(
                        "username",
                        "leaky",
                        "password",
                        userPassword,
                        "roles",
                        List.of("marketer"))))) {
      String created = r.readEntity(String.class);
      responses.add(created);
      id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }
    responses.add(
        body(
            TestApp.as(APP, admin, "/api/users/" + id + "/password")
                .post(Entity.json(Map.of("password", "leaky-Secret-4")))));
    secrets.addAll(List.of(userPassword, "leaky-Secret-4"));

    String apiToken;
    try (Response r =
        TestApp.as(APP, admin, "/api/tokens").post(Entity.json(Map.of("name", "integration")))) {
      apiToken = (String) r.readEntity(Map.class).get("token");
    }
    secrets.add(apiToken);
    secrets.add(AuthService.sha256(apiToken));
    secrets.add(admin);
    secrets.add(AuthService.sha256(admin));
    responses.add(body(TestApp.as(APP, apiToken, "/api/me").get()));

    // Every GET endpoint the server has (read from Jersey's resource model, so endpoints added by
    // other features are covered too), as every role: path parameters are 1, or the new user.
    List<String> tokens =
        List.of(admin, TestApp.login(APP, TestApp.RESPONDER), TestApp.login(APP, TestApp.MARKETER));
    List<String> paths = new ArrayList<>();
    for (var e : Endpoints.of(APP)) {
      if (e.method().equals("GET")) {
        paths.add(e.url());
        paths.add(e.path().replaceAll("\\{[^}]*}", Long.toString(id)));
      }
    }
    assertThat(paths).contains("/api/users", "/api/tokens/all", "/api/audit", "/api/sources");
    for (String path : paths) {
      for (String token : tokens) {
        responses.add(body(TestApp.as(APP, token, path).get()));
      }
    }

    assertThat(responses).allSatisfy(r -> assertThat(r).doesNotContain("$2a$", "$2b$", "$2y$"));
    for (String secret : secrets) {
      assertThat(responses).as("responses").noneSatisfy(r -> assertThat(r).contains(secret));
    }
    List<String> lines =
        LOGS.list.stream()
            .map(
                e ->
                    e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                            ? ""
                            : ThrowableProxyUtil.asString(e.getThrowableProxy())))
            .toList();
    assertThat(lines).as("captured log lines").isNotEmpty();
    for (String secret : secrets) {
      assertThat(lines).as("log lines").noneSatisfy(l -> assertThat(l).contains(secret));
    }
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains("$2a$"));
  }

  @Test
  void markupInACustomerPostComesBackAsVerbatimJsonText() {
    String text = "<script>alert('x')</script><b onmouseover=alert(1)>bold</b> & \u202Eevil";
    long id = Fixtures.mention(APP, "xss_tester", text);
    String token = TestApp.login(APP, TestApp.MARKETER);
    try (Response r = TestApp.as(APP, token, "/api/mentions/" + id).get()) {
      assertThat(r.getMediaType().toString()).startsWith("application/json");
      assertThat(r.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.getHeaderString("Content-Security-Policy")).contains("script-src 'self'");
      Map<?, ?> body = r.readEntity(Map.class);
      assertThat(((Map<?, ?>) body.get("mention")).get("text")).isEqualTo(text);
    }
  }
}
