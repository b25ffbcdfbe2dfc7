package org.complaintdesk.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Over real HTTP with the shipped model: a calm Spanish complaint, which the Spanish layer alone
 * calls neutral, opens a case through its complaint cues, and the case shows them; a thank-you from
 * the same customer base opens none.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ComplaintCueCasesEndToEndTest {
  static final String SECRET = "cue-hook-secret";
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP =
      TestApp.createWithYaml(
          0,
          """
          sources:
            - name: helpdesk
              network: webhook
              webhookSecret: %s
          """
              .formatted(SECRET));

  private static void post(String id, String author, String text) {
    String body =
        "{\"eventId\":\"%s\",\"author\":\"%s\",\"text\":\"%s\",\"postedAt\":\"2026-01-01T10:00:00Z\"}"
            .formatted(id, author, text);
    try (var r = TestApp.hook(APP, "/api/ingest/helpdesk", body, TestApp.sign(body, SECRET))) {
      assertThat(r.getStatus()).isEqualTo(202);
    }
  }

  @Test
  void aCalmSpanishComplaintOpensACaseExplainedByItsComplaintCues() {
    post("es-1", "lucia", "@NimbusAir llevo tres días esperando el reembolso y nadie responde");
    post("es-2", "mateo", "@NimbusAir gracias por el vuelo, todo perfecto");
    String token = TestApp.login(APP, TestApp.RESPONDER);
    // Both are scored before the check: the thank-you must have had its chance to open a case.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> scored(token).size() == 2);

    List<JsonNode> cases = new ArrayList<>();
    TestApp.as(APP, token, "/api/cases?status=open&limit=50")
        .get(JsonNode.class)
        .get("items")
        .forEach(
            c ->
                cases.add(
                    TestApp.as(APP, token, "/api/cases/" + c.get("id").asLong())
                        .get(JsonNode.class)));
    assertThat(cases).as("only the complaint opens a case").hasSize(1);
    JsonNode mention = cases.get(0).get("mentions").get(0);
    assertThat(mention.get("authorHandle").asText()).isEqualTo("lucia");
    JsonNode result =
        TestApp.as(APP, token, "/api/mentions/" + mention.get("id").asLong())
            .get(JsonNode.class)
            .path("sentiment")
            .path("result");
    assertThat(result.get("language").asText()).isEqualTo("es");
    assertThat(result.get("complaint").asBoolean()).isTrue();
    // The cues count towards the detractor probability, as a complaint does in English: the case
    // ranks like an English complaint's and the trend shows a negative post.
    assertThat(result.get("detractor").asBoolean()).isTrue();
    assertThat(result.get("label").asText()).isEqualTo("negative");
    assertThat(cases.get(0).path("priorityParts").path("detractor").asDouble())
        .isGreaterThanOrEqualTo(20);
    List<String> cues = new ArrayList<>();
    result
        .get("evidence")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals("complaint cue")) {
                cues.add(e.get("text").asText());
              }
            });
    assertThat(cues).contains("reembolso", "nadie responde");
  }

  private static List<JsonNode> scored(String token) {
    List<JsonNode> out = new ArrayList<>();
    TestApp.as(APP, token, "/api/mentions?network=webhook")
        .get(JsonNode.class)
        .get("items")
        .forEach(
            m -> {
              // GET /api/mentions/{id}: {mention, sentiment: {result, scoredAt}}.
              JsonNode result =
                  TestApp.as(APP, token, "/api/mentions/" + m.get("id").asLong())
                      .get(JsonNode.class)
                      .path("sentiment")
                      .path("result");
              if (result.path("status").asText().equals("scored")) {
                out.add(m);
              }
            });
    return out;
  }
}
