package org.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.complaintdesk.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a 4xx with a {"code","message"} body - never a 500, never a stack trace. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiErrorsTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP = TestApp.create(0);
  static String admin;
  static String responder;
  static String marketer;

  @BeforeAll
  static void login() {
    admin = TestApp.login(APP, TestApp.ADMIN);
    responder = TestApp.login(APP, TestApp.RESPONDER);
    marketer = TestApp.login(APP, TestApp.MARKETER);
  }

  private static JsonNode expectError(Response response, int status) {
    try (response) {
      assertThat(response.getStatus()).isEqualTo(status);
      assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
      String body = response.readEntity(String.class);
      assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQL");
      JsonNode json = APP.getObjectMapper().readTree(body);
      assertThat(json.get("code").asInt()).isEqualTo(status);
      assertThat(json.get("message").asText()).isNotBlank();
      return json;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Response post(String token, String path, String rawJson) {
    return TestApp.as(APP, token, path)
        .post(Entity.entity(rawJson, MediaType.APPLICATION_JSON_TYPE));
  }

  @Test
  void malformedJsonIs400() {
    expectError(post(admin, "/api/keywords", "{\"term\": \"Acme"), 400);
    expectError(post(admin, "/api/keywords", "[1,2,3]"), 400);
    expectError(post(TestApp.login(APP, TestApp.RESPONDER), "/api/login", "not json"), 400);
  }

  @Test
  void unknownIdsAre404() {
    assertThat(
            expectError(TestApp.as(APP, responder, "/api/cases/999999").get(), 404)
                .get("message")
                .asText())
        .contains("999999");
    expectError(TestApp.as(APP, responder, "/api/mentions/424242").get(), 404);
    expectError(post(responder, "/api/cases/999999/resolve", "{}"), 404);
    expectError(post(responder, "/api/cases/999999/replies", "{\"text\":\"hi\"}"), 404);
    expectError(TestApp.as(APP, admin, "/api/keywords/777").delete(), 404);
    expectError(TestApp.as(APP, responder, "/api/nothing-here").get(), 404);
  }

  @Test
  void nonNumericIdIs400() {
    expectError(TestApp.as(APP, responder, "/api/cases/abc").get(), 400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/mentions?network=myspace",
        "/api/mentions?flagged=maybe",
        "/api/mentions?since=yesterday",
        "/api/mentions?language=english",
        "/api/mentions?keyword=NoSuchBrand",
        "/api/mentions?limit=0",
        "/api/mentions?limit=abc",
        "/api/mentions?offset=-1",
        "/api/cases?status=sleeping",
        "/api/cases?assignee=nobody",
      })
  void unknownFilterValuesAre400(String path) {
    expectError(TestApp.as(APP, admin.equals(responder) ? admin : responder, path).get(), 400);
  }

  @Test
  void emptyAndOversizedRepliesAre422AndUnknownResponder422() {
    // No demo traffic in this app: the reply checks run before the case lookup for text problems.
    expectError(post(responder, "/api/cases/1/replies", "{\"text\":\"   \"}"), 422);
    expectError(
        post(responder, "/api/cases/1/replies", "{\"text\":\"" + "x".repeat(10_240) + "\"}"), 422);
    expectError(post(responder, "/api/cases/1/replies", "{}"), 422);
    expectError(post(responder, "/api/cases/1/assign", "{}"), 422);
  }

  @Test
  void duplicateKeywordIs409AndBlankKeywordIs422() {
    try (Response created = post(admin, "/api/keywords", "{\"term\":\"Acme Widgets\"}")) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
    assertThat(
            expectError(post(admin, "/api/keywords", "{\"term\":\"  acme   WIDGETS \"}"), 409)
                .get("message")
                .asText())
        .contains("already watched");
    expectError(post(admin, "/api/keywords", "{\"term\":\"\"}"), 422);
    expectError(post(admin, "/api/keywords", "{\"term\":\"" + "k".repeat(300) + "\"}"), 422);
  }

  @Test
  void callersWithoutTheRoleAreRefused() {
    expectError(TestApp.as(APP, null, "/api/cases").get(), 401);
    expectError(TestApp.as(APP, "forged-token", "/api/mentions").get(), 401);
    expectError(post(marketer, "/api/keywords", "{\"term\":\"Sneaky\"}"), 403);
    expectError(TestApp.as(APP, marketer, "/api/cases").get(), 403);
    expectError(TestApp.as(APP, responder, "/api/sources").get(), 403);
    expectError(
        TestApp.as(APP, null, "/api/login")
            .post(Entity.json(Map.of("username", "admin", "password", "wrong-password"))),
        401);
  }
}
