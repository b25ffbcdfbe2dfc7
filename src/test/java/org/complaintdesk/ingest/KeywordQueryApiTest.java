package org.complaintdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.time.Duration;
import java.util.Map;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keyword queries over the API: validation with positions, and the preview of a draft query. */
@ExtendWith(DropwizardExtensionsSupport.class)
class KeywordQueryApiTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP = TestApp.create(20);
  static String admin;

  @BeforeAll
  static void login() {
    admin = TestApp.login(APP, TestApp.ADMIN);
  }

  @Test
  void aBadQueryIs422WithItsPosition() {
    try (var r =
        TestApp.as(APP, admin, "/api/keywords")
            .post(Entity.json(Map.of("term", "Nimbus \"lost luggage")))) {
      assertThat(r.getStatus()).isEqualTo(422);
      assertThat(r.readEntity(JsonNode.class).get("message").asText())
          .isEqualTo("invalid query: unbalanced quote at position 8");
    }
    try (var r =
        TestApp.as(APP, admin, "/api/keywords").post(Entity.json(Map.of("term", "-refund")))) {
      assertThat(r.getStatus()).isEqualTo(422);
    }
  }

  @Test
  void aQueryIsStoredAndABareWordStillWorks() {
    try (var r =
        TestApp.as(APP, admin, "/api/keywords")
            .post(Entity.json(Map.of("term", "(Flyzo OR \"Fly Zo\") -job lang:en")))) {
      assertThat(r.getStatus()).isEqualTo(201);
    }
  }

  @Test
  void previewShowsWhichStoredMentionsADraftQueryMatches() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TestApp.as(APP, admin, "/api/mentions").get(JsonNode.class).get("items").size()
                    > 10);
    JsonNode all =
        TestApp.as(APP, admin, "/api/keywords/preview")
            .post(Entity.json(Map.of("query", "NimbusAir OR Voltara OR CrumbCo OR Streamly")))
            .readEntity(JsonNode.class);
    JsonNode narrow =
        TestApp.as(APP, admin, "/api/keywords/preview")
            .post(Entity.json(Map.of("query", "NimbusAir -lang:xx")))
            .readEntity(JsonNode.class);
    assertThat(all.get("scanned").asInt()).isGreaterThan(10);
    assertThat(all.get("matched").asInt()).isGreaterThan(narrow.get("matched").asInt());
    for (JsonNode m : narrow.get("mentions")) {
      assertThat(m.get("text").asText().toLowerCase()).contains("nimbusair");
    }
    try (var r =
        TestApp.as(APP, admin, "/api/keywords/preview")
            .post(Entity.json(Map.of("query", "NimbusAir OR")))) {
      assertThat(r.getStatus()).isEqualTo(422);
      assertThat(r.readEntity(JsonNode.class).get("message").asText()).contains("position 11");
    }
    String responder = TestApp.login(APP, TestApp.RESPONDER);
    try (var r =
        TestApp.as(APP, responder, "/api/keywords/preview")
            .post(Entity.json(Map.of("query", "NimbusAir")))) {
      assertThat(r.getStatus()).isEqualTo(403);
    }
  }
}
