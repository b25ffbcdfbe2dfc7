package org.complaintdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.Fixtures;
import org.complaintdesk.testing.TestApp;
import org.complaintdesk.testing.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cookie sessions, CSRF, session fixation, login throttling, API tokens, users admin, audit. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccountsTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP =
      TestApp.create(
          0,
          ConfigOverride.config("auth.maxFailuresPerAccount", "3"),
          ConfigOverride.config("auth.maxFailuresPerAddress", "6"));

  /** Later test classes (whose apps start polling at once) expect the shared clock at START. */
  @AfterAll
  static void resetClock() {
    TestApplication.CLOCK.set(TestApplication.START);
  }

  @BeforeEach
  void freshWindow() {
    // Each test starts after any earlier test's lockout window has passed.
    TestApplication.CLOCK.advance(Duration.ofHours(1));
  }

  private static Response login(String user, String password, String cookieHeader) {
    var request = TestApp.client().target(TestApp.url(APP, "/api/login")).request();
    if (cookieHeader != null) {
      request = request.header("Cookie", cookieHeader);
    }
    return request.post(Entity.json(Map.of("username", user, "password", password)));
  }

  private static Map<String, NewCookie> cookiesOf(String user) {
    try (Response r = login(user, TestApp.password(user), null)) {
      assertThat(r.getStatus()).isEqualTo(200);
      return r.getCookies();
    }
  }

  private static String cookieHeader(Map<String, NewCookie> cookies) {
    return SessionCookies.SESSION + "=" + cookies.get(SessionCookies.SESSION).getValue();
  }

  @Test
  void loginSetsAHardenedSessionCookieAndACsrfCookie() {
    try (Response r = login(TestApp.ADMIN, TestApp.password(TestApp.ADMIN), null)) {
      assertThat(r.getStatus()).isEqualTo(200);
      List<String> setCookies = r.getStringHeaders().get("Set-Cookie");
      String session =
          setCookies.stream().filter(c -> c.startsWith("cd_session=")).findFirst().orElseThrow();
      assertThat(session).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
      String csrf =
          setCookies.stream().filter(c -> c.startsWith("cd_csrf=")).findFirst().orElseThrow();
      assertThat(csrf).doesNotContainIgnoringCase("HttpOnly");
      Map<?, ?> body = r.readEntity(Map.class);
      assertThat(body.get("csrfToken")).isEqualTo(r.getCookies().get("cd_csrf").getValue());
    }
  }

  @Test
  void cookieSessionReadsWithoutCsrfButWritesOnlyWithIt() {
    var cookies = cookiesOf(TestApp.ADMIN);
    String csrf = cookies.get(SessionCookies.CSRF).getValue();
    try (Response r =
        TestApp.as(APP, null, "/api/me").header("Cookie", cookieHeader(cookies)).get()) {
      assertThat(r.getStatus()).isEqualTo(200);
    }
    var body = Entity.json(Map.of("term", "CsrfBrand"));
    try (Response r =
        TestApp.as(APP, null, "/api/keywords").header("Cookie", cookieHeader(cookies)).post(body)) {
      assertThat(r.getStatus()).isEqualTo(403);
      assertThat(r.readEntity(String.class)).contains("CSRF");
    }
    try (Response r =
        TestApp.as(APP, null, "/api/keywords")
            .header("Cookie", cookieHeader(cookies))
            .header(SessionCookies.CSRF_HEADER, "forged")
            .post(body)) {
      assertThat(r.getStatus()).isEqualTo(403);
    }
    // Another session's CSRF token does not fit this session.
    String otherCsrf = cookiesOf(TestApp.ADMIN).get(SessionCookies.CSRF).getValue();
    try (Response r =
        TestApp.as(APP, null, "/api/keywords")
            .header("Cookie", cookieHeader(cookies))
            .header(SessionCookies.CSRF_HEADER, otherCsrf)
            .post(body)) {
      assertThat(r.getStatus()).isEqualTo(403);
    }
    try (Response r =
        TestApp.as(APP, null, "/api/keywords")
            .header("Cookie", cookieHeader(cookies))
            .header(SessionCookies.CSRF_HEADER, csrf)
            .post(body)) {
      assertThat(r.getStatus()).isEqualTo(201);
    }
  }

  @Test
  void bearerRequestsNeedNoCsrfToken() {
    String token = TestApp.login(APP, TestApp.ADMIN);
    try (Response r =
        TestApp.as(APP, token, "/api/keywords").post(Entity.json(Map.of("term", "BearerBrand")))) {
      assertThat(r.getStatus()).isEqualTo(201);
    }
  }

  @Test
  void everyLoginIssuesANewSessionAndRevokesTheOneSent() {
    // An attacker plants a session id they know (here: a real one of their own) in the victim's
    // browser; logging in must not keep using it.
    var planted = cookiesOf(TestApp.RESPONDER).get(SessionCookies.SESSION).getValue();
    String newSession;
    try (Response r =
        login(
            TestApp.RESPONDER,
            TestApp.password(TestApp.RESPONDER),
            SessionCookies.SESSION + "=" + planted)) {
      assertThat(r.getStatus()).isEqualTo(200);
      newSession = r.getCookies().get(SessionCookies.SESSION).getValue();
    }
    assertThat(newSession).isNotEqualTo(planted);
    try (Response r =
        TestApp.as(APP, null, "/api/me")
            .header("Cookie", SessionCookies.SESSION + "=" + planted)
            .get()) {
      assertThat(r.getStatus()).isEqualTo(401);
    }
    try (Response r =
        TestApp.as(APP, null, "/api/me")
            .header("Cookie", SessionCookies.SESSION + "=" + newSession)
            .get()) {
      assertThat(r.getStatus()).isEqualTo(200);
    }
  }

  @Test
  void logoutEndsTheCookieSession() {
    var cookies = cookiesOf(TestApp.MARKETER);
    try (Response r =
        TestApp.as(APP, null, "/api/logout")
            .header("Cookie", cookieHeader(cookies))
            .header(SessionCookies.CSRF_HEADER, cookies.get(SessionCookies.CSRF).getValue())
            .post(Entity.json("{}"))) {
      assertThat(r.getStatus()).isEqualTo(204);
    }
    try (Response r =
        TestApp.as(APP, null, "/api/me").header("Cookie", cookieHeader(cookies)).get()) {
      assertThat(r.getStatus()).isEqualTo(401);
    }
  }

  @Test
  void failedLoginsLockTheAccountUntilTheWindowPasses() {
    for (int i = 0; i < 3; i++) {
      try (Response r = login(TestApp.MARKETER, "wrong-password", null)) {
        assertThat(r.getStatus()).isEqualTo(401);
      }
    }
    // Locked: even the right password is refused, with a Retry-After.
    try (Response r = login(TestApp.MARKETER, TestApp.password(TestApp.MARKETER), null)) {
      assertThat(r.getStatus()).isEqualTo(429);
      assertThat(r.getHeaderString("Retry-After")).isNotBlank();
    }
    // Other accounts are not locked by it.
    try (Response r = login(TestApp.ADMIN, TestApp.password(TestApp.ADMIN), null)) {
      assertThat(r.getStatus()).isEqualTo(200);
    }
    TestApplication.CLOCK.advance(Duration.ofMinutes(16));
    try (Response r = login(TestApp.MARKETER, TestApp.password(TestApp.MARKETER), null)) {
      assertThat(r.getStatus()).isEqualTo(200);
    }
  }

  @Test
  void failedLoginsFromOneAddressLockThatAddressForEveryAccount() {
    for (int i = 0; i < 6; i++) {
      try (Response r = login("nobody-" + i, "wrong-password", null)) {
        assertThat(r.getStatus()).isEqualTo(401);
      }
    }
    try (Response r = login(TestApp.ADMIN, TestApp.password(TestApp.ADMIN), null)) {
      assertThat(r.getStatus()).isEqualTo(429);
    }
    TestApplication.CLOCK.advance(Duration.ofMinutes(16));
    try (Response r = login(TestApp.ADMIN, TestApp.password(TestApp.ADMIN), null)) {
      assertThat(r.getStatus()).isEqualTo(200);
    }
  }

  @Test
  void apiTokensAreShownOnceListedWithoutValueAndRevocable() {
    String session = TestApp.login(APP, TestApp.RESPONDER);
    String token;
    long id;
    try (Response r =
        TestApp.as(APP, session, "/api/tokens").post(Entity.json(Map.of("name", "crm sync")))) {
      assertThat(r.getStatus()).isEqualTo(201);
      Map<?, ?> body = r.readEntity(Map.class);
      token = (String) body.get("token");
      id = ((Number) ((Map<?, ?>) body.get("info")).get("id")).longValue();
    }
    try (Response r = TestApp.as(APP, token, "/api/me").get()) {
      assertThat(r.getStatus()).isEqualTo(200);
    }
    String listing = TestApp.as(APP, session, "/api/tokens").get(String.class);
    assertThat(listing)
        .contains("crm sync")
        .doesNotContain(token)
        .doesNotContain(AuthService.sha256(token));
    // Somebody else cannot see or revoke it; an admin can.
    String marketer = TestApp.login(APP, TestApp.MARKETER);
    try (Response r = TestApp.as(APP, marketer, "/api/tokens/" + id).delete()) {
      assertThat(r.getStatus()).isEqualTo(404);
    }
    String admin = TestApp.login(APP, TestApp.ADMIN);
    assertThat(TestApp.as(APP, admin, "/api/tokens/all").get(String.class)).contains("crm sync");
    try (Response r = TestApp.as(APP, admin, "/api/tokens/" + id).delete()) {
      assertThat(r.getStatus()).isEqualTo(204);
    }
    try (Response r = TestApp.as(APP, token, "/api/me").get()) {
      assertThat(r.getStatus()).isEqualTo(401);
    }
    assertThat(TestApp.as(APP, admin, "/api/audit?action=token").get(String.class))
        .contains("token.created", "token.revoked")
        .doesNotContain(token);
  }

  @Test
  void adminsManageUsersAndRolesAndEveryChangeIsAudited() {
    String admin = TestApp.login(APP, TestApp.ADMIN);
    Map<?, ?> created;
    try (Response r =
        TestApp.as(APP, admin, "/api/users")
            .post(
                Entity.json(
                    Map.of(
                        "username", "nadia",
                        "displayName", "Nadia",
                        "password", "nadia-secret-pass",
                        "roles", List.of("responder"))))) {
      assertThat(r.getStatus()).isEqualTo(201);
      created = r.readEntity(Map.class);
    }
    long id = ((Number) created.get("id")).longValue();
    try (Response r =
        TestApp.as(APP, admin, "/api/users")
            .post(
                Entity.json(
                    Map.of(
                        "username",
                        "nadia",
                        "password",
                        "x-secret-pass",
                        "roles",
                        List.of("admin"))))) {
      assertThat(r.getStatus()).isEqualTo(409);
    }
    try (Response r =
        TestApp.as(APP, admin, "/api/users/" + id)
            .put(Entity.json(Map.of("roles", List.of("responder", "marketer"), "active", true)))) {
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.readEntity(Map.class).get("roles").toString()).contains("MARKETER");
    }
    try (Response r =
        TestApp.as(APP, admin, "/api/users/" + id + "/password")
            .post(Entity.json(Map.of("password", "nadia-new-pass")))) {
      assertThat(r.getStatus()).isEqualTo(204);
    }
    // Deactivated users cannot log in and their sessions end.
    String nadia;
    try (Response r = login("nadia", "nadia-new-pass", null)) {
      assertThat(r.getStatus()).isEqualTo(200);
      nadia = (String) r.readEntity(Map.class).get("token");
    }
    try (Response r =
        TestApp.as(APP, admin, "/api/users/" + id)
            .put(Entity.json(Map.of("roles", List.of("responder"), "active", false)))) {
      assertThat(r.getStatus()).isEqualTo(200);
    }
    try (Response r = TestApp.as(APP, nadia, "/api/me").get()) {
      assertThat(r.getStatus()).isEqualTo(401);
    }
    // An admin cannot lock themselves out.
    long adminId =
        ((Number) TestApp.as(APP, admin, "/api/me").get(Map.class).get("id")).longValue();
    try (Response r =
        TestApp.as(APP, admin, "/api/users/" + adminId)
            .put(Entity.json(Map.of("roles", List.of("responder"), "active", true)))) {
      assertThat(r.getStatus()).isEqualTo(409);
    }
    String audit = TestApp.as(APP, admin, "/api/audit?action=user").get(String.class);
    assertThat(audit)
        .contains("user.created", "user.updated", "user.password_set", "\"actor\":\"admin\"")
        .contains("\"active\":true", "\"active\":false")
        .doesNotContain("nadia-secret-pass", "nadia-new-pass", "$2a$", "$2y$");
    assertThat(TestApp.as(APP, admin, "/api/users").get(String.class))
        .contains("nadia")
        .doesNotContain("$2a$", "$2y$", "password");
  }

  @Test
  void keywordChangesAreAuditedWithBeforeAndAfter() {
    String admin = TestApp.login(APP, TestApp.ADMIN);
    long id;
    try (Response r =
        TestApp.as(APP, admin, "/api/keywords").post(Entity.json(Map.of("term", "AuditedBrand")))) {
      id = ((Number) r.readEntity(Map.class).get("id")).longValue();
    }
    try (Response r = TestApp.as(APP, admin, "/api/keywords/" + id).delete()) {
      assertThat(r.getStatus()).isEqualTo(204);
    }
    Map<?, ?> page = TestApp.as(APP, admin, "/api/audit?action=keyword").get(Map.class);
    List<?> items = (List<?>) page.get("items");
    Map<?, ?> removed = (Map<?, ?>) items.get(0);
    assertThat(removed.get("action")).isEqualTo("keyword.removed");
    assertThat(removed.get("target")).isEqualTo("keyword:" + id);
    assertThat(((Map<?, ?>) removed.get("before")).get("term")).isEqualTo("AuditedBrand");
    assertThat(removed.get("after")).isNull();
    Map<?, ?> added = (Map<?, ?>) items.get(1);
    assertThat(added.get("action")).isEqualTo("keyword.added");
    assertThat(((Map<?, ?>) added.get("after")).get("term")).isEqualTo("AuditedBrand");
    assertThat(added.get("occurredAt")).isNotNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void labelCorrectionsAreAuditedWithTheLabelBeforeAndAfter() {
    String responder = TestApp.login(APP, TestApp.RESPONDER);
    String admin = TestApp.login(APP, TestApp.ADMIN);
    long mention = Fixtures.mention(APP, "labelled_customer", "The app is fine I guess");
    for (String label : List.of("neutral", "positive")) {
      try (Response r =
          TestApp.as(APP, responder, "/api/mentions/" + mention + "/label")
              .post(Entity.json(Map.of("label", label)))) {
        assertThat(r.getStatus()).isEqualTo(200);
      }
    }
    // A refused correction (bad label) changes nothing and is not audited.
    try (Response r =
        TestApp.as(APP, responder, "/api/mentions/" + mention + "/label")
            .post(Entity.json(Map.of("label", "angry")))) {
      assertThat(r.getStatus()).isEqualTo(422);
    }
    Map<?, ?> page =
        TestApp.as(APP, admin, "/api/audit?action=label&actor=responder").get(Map.class);
    List<?> items = (List<?>) page.get("items");
    assertThat(items).hasSize(2);
    Map<?, ?> second = (Map<?, ?>) items.get(0);
    assertThat(second.get("action")).isEqualTo("label.corrected");
    assertThat(second.get("actor")).isEqualTo("responder");
    assertThat(second.get("target")).isEqualTo("mention:" + mention);
    assertThat((Map<String, Object>) second.get("before"))
        .containsEntry("label", "neutral")
        .containsEntry("source", "correction");
    assertThat((Map<String, Object>) second.get("after")).containsEntry("label", "positive");
    Map<?, ?> first = (Map<?, ?>) items.get(1);
    // The first correction's "before" is the model's own label.
    assertThat((Map<String, Object>) first.get("before"))
        .containsEntry("label", "negative")
        .containsEntry("source", "model");
    assertThat((Map<String, Object>) first.get("after")).containsEntry("label", "neutral");
  }

  @Test
  void theAuditApiFiltersByTimeRangeAndRejectsBadInstants() {
    String admin = TestApp.login(APP, TestApp.ADMIN);
    var before = TestApplication.CLOCK.instant();
    try (Response r =
        TestApp.as(APP, admin, "/api/keywords").post(Entity.json(Map.of("term", "TimedAudit")))) {
      assertThat(r.getStatus()).isIn(200, 201);
    }
    TestApplication.CLOCK.advance(Duration.ofMinutes(10));
    var after = TestApplication.CLOCK.instant();
    Map<?, ?> inRange =
        TestApp.as(APP, admin, "/api/audit?action=keyword.added&from=" + before + "&to=" + after)
            .get(Map.class);
    assertThat((List<?>) inRange.get("items"))
        .anySatisfy(e -> assertThat(e.toString()).contains("TimedAudit"));
    Map<?, ?> later =
        TestApp.as(APP, admin, "/api/audit?action=keyword.added&from=" + after).get(Map.class);
    assertThat((List<?>) later.get("items")).isEmpty();
    try (Response r = TestApp.as(APP, admin, "/api/audit?from=yesterday").get()) {
      assertThat(r.getStatus()).isEqualTo(400);
      assertThat(r.readEntity(String.class)).contains("ISO-8601").doesNotContain("Exception");
    }
  }
}
