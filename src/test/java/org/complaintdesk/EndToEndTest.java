package org.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.complaintdesk.testing.TestApp;
import org.complaintdesk.testing.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton, end to end over real HTTP on a temp SQLite file: the demo source produces
 * mentions, CoreNLP flags an angry one, a case opens, a responder replies through the API, and the
 * first-response time is computed from the injected clock.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EndToEndTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP = TestApp.create(20);

  @Test
  void demoComplaintBecomesACaseAndAReplyRecordsFirstResponseTime() {
    TestApplication.CLOCK.set(TestApplication.START);
    String token = TestApp.login(APP, TestApp.RESPONDER);

    JsonNode kase =
        TestApp.awaitItems(APP, token, "/api/cases?status=new", 1, Duration.ofSeconds(90)).get(0);
    long caseId = kase.get("id").asLong();
    Instant openedAt = Instant.parse(kase.get("openedAt").asText());
    assertThat(openedAt).isEqualTo(TestApplication.START);

    JsonNode detail = TestApp.as(APP, token, "/api/cases/" + caseId).get(JsonNode.class);
    JsonNode mention = detail.get("mentions").get(0);
    assertThat(mention.get("detractor").asBoolean()).isTrue();
    JsonNode sentiment =
        TestApp.as(APP, token, "/api/mentions/" + mention.get("id").asLong())
            .get(JsonNode.class)
            .get("sentiment")
            .get("result");
    assertThat(sentiment.get("detractor").asBoolean()).isTrue();
    // The label is the tone and may be neutral for a calm flagged post that is no complaint; the
    // evidence explains the flag, so every item pushed towards negative.
    assertThat(sentiment.get("evidence").size()).isPositive();
    sentiment
        .get("evidence")
        .forEach(e -> assertThat(e.get("weight").asDouble()).as(e.toString()).isNegative());

    var assign =
        TestApp.as(APP, token, "/api/cases/" + caseId + "/assign")
            .post(Entity.json(Map.of("responder", "responder")), JsonNode.class);
    assertThat(assign.get("status").asText()).isEqualTo("assigned");
    assertThat(assign.get("assignee").asText()).isEqualTo("responder");

    TestApplication.CLOCK.advance(Duration.ofMinutes(5));
    JsonNode sent =
        TestApp.as(APP, token, "/api/cases/" + caseId + "/replies")
            .post(
                Entity.json(Map.of("text", "So sorry about this - we're on it. Please DM us.")),
                JsonNode.class);
    assertThat(sent.get("reply").get("status").asText()).isEqualTo("sent");
    assertThat(sent.get("reply").get("externalId").asText()).startsWith("demo-reply-");
    assertThat(sent.get("firstResponseMs").asLong()).isEqualTo(Duration.ofMinutes(5).toMillis());

    // A second reply later does not move the first-response time.
    TestApplication.CLOCK.advance(Duration.ofMinutes(10));
    TestApp.as(APP, token, "/api/cases/" + caseId + "/replies")
        .post(Entity.json(Map.of("text", "Update: your refund is on its way.")), JsonNode.class);
    JsonNode resolved =
        TestApp.as(APP, token, "/api/cases/" + caseId + "/resolve")
            .post(Entity.json(Map.of()), JsonNode.class);
    assertThat(resolved.get("firstResponseMs").asLong()).isEqualTo(300_000);
    assertThat(resolved.get("resolutionMs").asLong()).isEqualTo(900_000);
    assertThat(resolved.get("status").asText()).isEqualTo("resolved");

    JsonNode events =
        TestApp.as(APP, token, "/api/cases/" + caseId).get(JsonNode.class).get("events");
    assertThat(events.findValuesAsText("type"))
        .containsSubsequence("case_opened", "assigned", "reply_sent", "first_response", "resolved");
    assertThat(
            events.findValues("durationMs").stream()
                .filter(JsonNode::isNumber)
                .map(JsonNode::asLong))
        .contains(300_000L, 900_000L);
  }

  @Test
  void demoSourceOnlyEmitsPostsMatchingActiveKeywords() {
    String token = TestApp.login(APP, TestApp.MARKETER);
    JsonNode mentions =
        TestApp.awaitItems(APP, token, "/api/mentions?limit=200", 50, Duration.ofSeconds(30));
    for (JsonNode m : mentions) {
      assertThat(m.get("keywordId").isNumber()).isTrue();
      assertThat(m.get("externalId").asText()).startsWith("demo-");
    }
    JsonNode health =
        TestApp.as(APP, TestApp.login(APP, TestApp.ADMIN), "/api/sources").get(JsonNode.class);
    assertThat(health.get(0).get("name").asText()).isEqualTo("demo");
    assertThat(health.get(0).get("itemsFetched").asLong()).isPositive();
    assertThat(health.get(0).get("consecutiveFailures").asInt()).isZero();
  }
}
