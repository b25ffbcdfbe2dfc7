package org.complaintdesk.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.TestApp;
import org.complaintdesk.testing.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Over real HTTP with the shipped model: the demo source's angry English and Arabic posts both open
 * cases, each with evidence quoted from the post; a responder can correct a label.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DetractorCasesEndToEndTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP = TestApp.create(50);

  /** A mention that opened a case, with its stored sentiment result. */
  private record Flagged(JsonNode mention, JsonNode sentiment) {}

  @Test
  void angryEnglishAndArabicPostsBothOpenCasesWithEvidence() {
    String token = TestApp.login(APP, TestApp.RESPONDER);
    List<Flagged> flagged =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> flaggedMentions(token),
                all ->
                    all.stream().anyMatch(f -> language(f).equals("en"))
                        && all.stream().anyMatch(f -> language(f).equals("ar")));
    for (String lang : List.of("en", "ar")) {
      Flagged f = flagged.stream().filter(x -> language(x).equals(lang)).findFirst().orElseThrow();
      assertThat(f.mention().get("detractor").asBoolean()).isTrue();
      // The label is the tone (a calm English post flagged without being a complaint may read
      // neutral); the evidence explains the flag, so every item pushes towards negative.
      assertThat(f.sentiment().get("label").asText()).isIn("negative", "neutral");
      assertThat(f.sentiment().get("evidence").size()).as(lang + " evidence").isPositive();
      String text = f.mention().get("text").asText();
      for (JsonNode e : f.sentiment().get("evidence")) {
        assertThat(text).as("evidence quotes the post").contains(e.get("text").asText());
        assertThat(e.get("weight").asDouble()).as(lang + " " + e).isNegative();
      }
    }
  }

  @Test
  void aResponderCanCorrectALabelAndAMarketerCannot() {
    String responder = TestApp.login(APP, TestApp.RESPONDER);
    JsonNode mention =
        TestApp.awaitItems(APP, responder, "/api/mentions?limit=1", 1, Duration.ofSeconds(30))
            .get(0);
    String path = "/api/mentions/" + mention.get("id").asLong() + "/label";
    JsonNode saved =
        TestApp.as(APP, responder, path)
            .post(Entity.json(Map.of("label", "negative")), JsonNode.class);
    assertThat(saved.get("label").asText()).isEqualTo("negative");
    assertThat(saved.get("labelledBy").asText()).isEqualTo("responder");

    try (Response bad =
        TestApp.as(APP, responder, path).post(Entity.json(Map.of("label", "furious")))) {
      assertThat(bad.getStatus()).isEqualTo(422);
    }
    String marketer = TestApp.login(APP, TestApp.MARKETER);
    try (Response denied =
        TestApp.as(APP, marketer, path).post(Entity.json(Map.of("label", "positive")))) {
      assertThat(denied.getStatus()).isEqualTo(403);
    }
  }

  @Test
  void casesShowTheirPriorityPartsAndTheQueueSortsByPriorityNow() {
    String token = TestApp.login(APP, TestApp.RESPONDER);
    JsonNode queue =
        TestApp.awaitItems(
            APP,
            token,
            "/api/cases?status=open&sort=priority&limit=200",
            3,
            Duration.ofSeconds(90));
    double previous = Double.MAX_VALUE;
    for (JsonNode c : queue) {
      JsonNode detail =
          TestApp.as(APP, token, "/api/cases/" + c.get("id").asLong()).get(JsonNode.class);
      JsonNode parts = detail.get("priorityParts");
      double stored = detail.get("case").get("priority").asDouble();
      assertThat(parts.get("detractor").asDouble()).isBetween(0.0, 50.0);
      assertThat(parts.get("reach").asDouble()).isBetween(0.0, 20.0);
      assertThat(parts.get("complaint").asDouble()).isIn(0.0, 15.0);
      assertThat(parts.get("waiting").asDouble()).isBetween(0.0, 15.0);
      assertThat(parts.get("total").asDouble())
          .isCloseTo(
              stored + parts.get("waiting").asDouble(), org.assertj.core.data.Offset.offset(0.11));
      // Order is checked on the queue's own snapshot of the stored priority: the demo keeps
      // posting, and a stronger post joining a case after the queue was read raises its stored
      // priority (the waiting part does not change while the clock stands still).
      double queued = c.get("priority").asDouble() + parts.get("waiting").asDouble();
      assertThat(queued).as("queue order").isLessThanOrEqualTo(previous + 0.11);
      previous = queued;
      // Reach comes from the followers of the strongest post's author (the demo posts carry them).
      long followers = detail.get("mentions").get(0).path("authorFollowers").asLong(0);
      if (detail.get("mentions").size() == 1) {
        assertThat(parts.get("reach").asDouble())
            .isCloseTo(
                Math.min(1, Math.log10(1 + followers) / 6) * 20,
                org.assertj.core.data.Offset.offset(0.06));
      }
    }
    // The waiting part grows with the clock: four hours on, every case still waiting on us has
    // all 15 waiting points, computed at read time from the stored parts.
    long id = queue.get(0).get("id").asLong();
    try {
      TestApplication.CLOCK.advance(Duration.ofHours(4).plusMinutes(1));
      JsonNode later = TestApp.as(APP, token, "/api/cases/" + id).get(JsonNode.class);
      if (!later.get("case").path("waitingSince").isNull()) {
        assertThat(later.get("priorityParts").get("waiting").asDouble()).isEqualTo(15.0);
      }
      assertThat(later.get("priorityParts").get("total").asDouble())
          .isCloseTo(
              later.get("case").get("priority").asDouble()
                  + later.get("priorityParts").get("waiting").asDouble(),
              org.assertj.core.data.Offset.offset(0.11));
    } finally {
      TestApplication.CLOCK.set(TestApplication.START);
    }
  }

  private static String language(Flagged f) {
    return f.sentiment().path("language").asText("");
  }

  private static List<Flagged> flaggedMentions(String token) {
    List<Flagged> out = new ArrayList<>();
    JsonNode cases =
        TestApp.as(APP, token, "/api/cases?status=open&limit=200").get(JsonNode.class).get("items");
    for (JsonNode c : cases) {
      JsonNode detail =
          TestApp.as(APP, token, "/api/cases/" + c.get("id").asLong()).get(JsonNode.class);
      for (JsonNode m : detail.get("mentions")) {
        JsonNode sentiment =
            TestApp.as(APP, token, "/api/mentions/" + m.get("id").asLong())
                .get(JsonNode.class)
                .path("sentiment")
                .path("result");
        out.add(new Flagged(m, sentiment));
      }
    }
    return out;
  }
}
