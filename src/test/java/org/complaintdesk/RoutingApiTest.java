package org.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.complaintdesk.testing.TestApp;
import org.complaintdesk.testing.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The routing, SLA, reply-tooling and report endpoints over HTTP, with their roles. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoutingApiTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP = TestApp.create(20);

  @org.junit.jupiter.api.BeforeAll
  static void patientClient() {
    // The build machine is shared and often saturated: allow slow first requests.
    APP.client().property(org.glassfish.jersey.client.ClientProperties.READ_TIMEOUT, 120_000);
  }

  @org.junit.jupiter.api.AfterAll
  static void resetClock() {
    // The test clock is shared by every app test in this JVM; later apps expect it at START.
    TestApplication.CLOCK.set(TestApplication.START);
  }

  private static int status(Response r) {
    try (r) {
      return r.getStatus();
    }
  }

  @Test
  void aCalendarCanBeDeletedOnlyWhenNoPolicyUsesIt() {
    String admin = TestApp.login(APP, TestApp.ADMIN);
    String responder = TestApp.login(APP, TestApp.RESPONDER);
    long calendar =
        TestApp.createdId(
            APP,
            admin,
            "/api/sla/calendars",
            Map.of(
                "name",
                "to delete",
                "zone",
                "Asia/Dubai",
                "week",
                Map.of("SUNDAY", List.of("08:00-16:00")),
                "holidays",
                List.of()));
    Map<String, Object> usesIt = TestApp.firstResponsePolicy("uses the calendar", 900, 60);
    usesIt.put("calendarId", calendar);
    long policy = TestApp.createdId(APP, admin, "/api/sla/policies", usesIt);
    String path = "/api/sla/calendars/" + calendar;

    assertThat(status(TestApp.as(APP, responder, path).delete())).isEqualTo(403);
    try (Response inUse = TestApp.as(APP, admin, path).delete()) {
      assertThat(inUse.getStatus()).isEqualTo(409);
      assertThat(inUse.readEntity(JsonNode.class).get("message").asText())
          .contains("uses the calendar")
          .doesNotContain("Exception");
    }
    assertThat(status(TestApp.as(APP, admin, "/api/sla/policies/" + policy).delete()))
        .isEqualTo(204);
    assertThat(status(TestApp.as(APP, admin, path).delete())).isEqualTo(204);
    assertThat(status(TestApp.as(APP, admin, path).delete())).isEqualTo(404);
    assertThat(TestApp.as(APP, admin, "/api/sla/calendars").get(JsonNode.class).findValues("id"))
        .noneMatch(id -> id.asLong() == calendar);
    assertThat(
            TestApp.as(APP, admin, "/api/audit?action=sla_calendar")
                .get(JsonNode.class)
                .path("items")
                .findValuesAsText("action"))
        .contains("sla_calendar.deleted");
  }

  @Test
  void shouldConfigureRouteClaimAnswerAndReport() {
    TestApplication.CLOCK.set(TestApplication.START);
    String admin = TestApp.login(APP, TestApp.ADMIN);
    String responder = TestApp.login(APP, TestApp.RESPONDER);
    String marketer = TestApp.login(APP, TestApp.MARKETER);

    // Admin-only configuration.
    assertThat(
            status(TestApp.as(APP, marketer, "/api/teams").post(Entity.json(Map.of("name", "x")))))
        .isEqualTo(403);
    assertThat(
            status(
                TestApp.as(APP, responder, "/api/sla/policies")
                    .post(Entity.json(Map.of("name", "x")))))
        .isEqualTo(403);
    JsonNode team =
        TestApp.as(APP, admin, "/api/teams")
            .post(Entity.json(Map.of("name", "care", "strategy", "least_loaded")), JsonNode.class);
    TestApp.as(APP, admin, "/api/teams/" + team.get("id").asLong() + "/members")
        .post(Entity.json(Map.of("username", "responder")), JsonNode.class);
    assertThat(
            status(
                TestApp.as(APP, admin, "/api/sla/policies")
                    .post(Entity.json(Map.of("name", "empty", "position", 1, "warnPercent", 80)))))
        .isEqualTo(422);
    TestApp.as(APP, admin, "/api/sla/policies")
        .post(Entity.json(TestApp.firstResponsePolicy("all", 1, 60)), JsonNode.class);

    JsonNode queue =
        TestApp.awaitItems(APP, responder, "/api/cases?status=new", 1, Duration.ofSeconds(90));
    JsonNode first = queue.get(0);
    assertThat(first.get("dueAt").isNull()).as("SLA due time on the queue").isFalse();
    long caseId = first.get("id").asLong();

    // Claim: the first wins, the second gets 409 with a JSON message.
    JsonNode claimed =
        TestApp.as(APP, responder, "/api/cases/" + caseId + "/claim")
            .post(Entity.json(Map.of()), JsonNode.class);
    assertThat(claimed.get("assignee").asText()).isEqualTo("responder");
    try (Response again =
        TestApp.as(APP, admin, "/api/cases/" + caseId + "/claim").post(Entity.json(Map.of()))) {
      assertThat(again.getStatus()).isEqualTo(409);
      assertThat(again.readEntity(String.class)).contains("already assigned to responder");
    }

    assertThat(
            TestApp.as(APP, responder, "/api/cases/" + caseId + "/assignment-log")
                .get(JsonNode.class)
                .isArray())
        .isTrue();
    assertThat(
            TestApp.as(APP, responder, "/api/cases/" + caseId + "/history")
                .get(JsonNode.class)
                .path("customer")
                .path("identities")
                .size())
        .isEqualTo(1);
    assertThat(
            TestApp.as(APP, responder, "/api/cases/" + caseId + "/viewers")
                .post(Entity.json(Map.of()), JsonNode.class)
                .get(0)
                .get("username")
                .asText())
        .isEqualTo("responder");
    TestApp.as(APP, responder, "/api/cases/" + caseId + "/notes")
        .post(Entity.json(Map.of("text", "internal only")), JsonNode.class);
    assertThat(
            TestApp.as(APP, responder, "/api/responders/me/heartbeat")
                .post(Entity.json(Map.of("availability", "online")), JsonNode.class)
                .get("availability")
                .asText())
        .isEqualTo("online");

    TestApplication.CLOCK.advance(Duration.ofMinutes(12));
    JsonNode composed =
        TestApp.as(APP, responder, "/api/cases/" + caseId + "/compose")
            .post(
                Entity.json(
                    Map.of(
                        "text",
                        "Thank you for your patience, we are happy to help and will fix this today.")),
                JsonNode.class);
    assertThat(composed.get("sent").asBoolean()).isTrue();

    JsonNode report =
        TestApp.as(
                APP,
                marketer,
                "/api/reports/response-times?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z&responder=responder")
            .get(JsonNode.class);
    assertThat(report.get("count").asInt()).isEqualTo(1);
    assertThat(report.path("wallClock").get("p50Ms").asLong())
        .isEqualTo(Duration.ofMinutes(12).toMillis());
    assertThat(report.get("withinSlaPercent").asDouble()).isEqualTo(100.0);
    assertThat(
            status(TestApp.as(APP, marketer, "/api/reports/response-times?from=yesterday").get()))
        .isEqualTo(400);
    assertThat(status(TestApp.as(APP, marketer, "/api/reports/response-times?metric=vibes").get()))
        .isEqualTo(400);
    assertThat(
            status(
                TestApp.as(APP, marketer, "/api/cases/" + caseId + "/claim")
                    .post(Entity.json(Map.of()))))
        .isEqualTo(403);
  }

  @Test
  void shouldAuditAdminChangesToRulesAndSlaPoliciesWithBeforeAndAfter() {
    String admin = TestApp.login(APP, TestApp.ADMIN);
    long team =
        TestApp.as(APP, admin, "/api/teams")
            .post(Entity.json(Map.of("name", "audited")), JsonNode.class)
            .get("id")
            .asLong();
    long rule =
        TestApp.as(APP, admin, "/api/routing-rules")
            .post(
                Entity.json(Map.of("name", "angry", "minPriority", 80, "teamId", team)),
                JsonNode.class)
            .get("id")
            .asLong();
    TestApp.as(APP, admin, "/api/routing-rules/" + rule)
        .put(
            Entity.json(Map.of("name", "very angry", "minPriority", 90, "teamId", team)),
            JsonNode.class);
    long policy =
        TestApp.createdId(
            APP, admin, "/api/sla/policies", TestApp.firstResponsePolicy("vip", 5, 30));
    TestApp.as(APP, admin, "/api/sla/policies/" + policy)
        .put(Entity.json(TestApp.firstResponsePolicy("vip", 5, 15)), JsonNode.class);

    JsonNode rules =
        TestApp.as(APP, admin, "/api/audit?action=routing_rule").get(JsonNode.class).path("items");
    JsonNode ruleUpdate = entry(rules, "routing_rule.updated", "routing_rule:" + rule);
    assertThat(ruleUpdate.get("actor").asText()).isEqualTo("admin");
    assertThat(ruleUpdate.path("before").path("name").asText()).isEqualTo("angry");
    assertThat(ruleUpdate.path("before").path("minPriority").asDouble()).isEqualTo(80.0);
    assertThat(ruleUpdate.path("after").path("name").asText()).isEqualTo("very angry");
    assertThat(ruleUpdate.path("after").path("minPriority").asDouble()).isEqualTo(90.0);
    assertThat(entry(rules, "routing_rule.created", "routing_rule:" + rule).get("before").isNull())
        .isTrue();

    JsonNode policies =
        TestApp.as(APP, admin, "/api/audit?action=sla_policy").get(JsonNode.class).path("items");
    JsonNode policyUpdate = entry(policies, "sla_policy.updated", "sla_policy:" + policy);
    assertThat(policyUpdate.path("before").path("firstResponseMinutes").asLong()).isEqualTo(30);
    assertThat(policyUpdate.path("after").path("firstResponseMinutes").asLong()).isEqualTo(15);
    assertThat(TestApp.as(APP, admin, "/api/audit?action=team").get(JsonNode.class).path("items"))
        .anySatisfy(e -> assertThat(e.get("target").asText()).isEqualTo("team:" + team));
  }

  private static JsonNode entry(JsonNode items, String action, String target) {
    for (JsonNode e : items) {
      if (e.get("action").asText().equals(action) && e.get("target").asText().equals(target)) {
        return e;
      }
    }
    throw new AssertionError("no audit entry " + action + " " + target + " in " + items);
  }
}
