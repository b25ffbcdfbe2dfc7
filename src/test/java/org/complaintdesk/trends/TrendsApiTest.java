package org.complaintdesk.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.testing.TestApp;
import org.complaintdesk.testing.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Demo mentions are scored, rolled up and reported over HTTP as JSON and CSV, to marketers. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TrendsApiTest {
  static final DropwizardAppExtension<ComplaintDeskConfiguration> APP = TestApp.create(20);

  static String range() {
    var start = TestApplication.START;
    return "from=" + start.minus(Duration.ofDays(1)) + "&to=" + start.plus(Duration.ofDays(1));
  }

  @Test
  void scoredDemoMentionsShowUpInTrendsAsJsonAndCsvForMarketersOnly() {
    TestApplication.CLOCK.set(TestApplication.START);
    String marketer = TestApp.login(APP, TestApp.MARKETER);
    String path = "/api/trends?bucket=hour&tz=Europe/Berlin&groupBy=keyword&" + range();
    JsonNode report =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> TestApp.as(APP, marketer, path).get(JsonNode.class),
                r ->
                    r.get("series").size() > 0
                        && r.get("series").get(0).get("volume").asLong() > 0);
    assertThat(report.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(report.get("series").get(0).get("points").size()).isEqualTo(48);

    String csv =
        TestApp.as(APP, marketer, "/api/trends?format=csv&bucket=day&" + range()).get(String.class);
    assertThat(csv.lines().findFirst().orElseThrow())
        .startsWith("group,name,bucket_start,local_start,volume,detractors");
    // Same numbers as the JSON: the CSV's volume column sums to the JSON series volume.
    long jsonVolume =
        TestApp.as(APP, marketer, "/api/trends?bucket=day&" + range())
            .get(JsonNode.class)
            .get("series")
            .get(0)
            .get("volume")
            .asLong();
    long csvVolume = csv.lines().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[4])).sum();
    assertThat(csvVolume).isEqualTo(jsonVolume).isPositive();
    assertThat(
            TestApp.as(APP, marketer, "/api/trends/phrases?format=csv&" + range())
                .get(String.class))
        .startsWith("phrase,source,mentions,example_mention_ids");
    assertThat(
            TestApp.as(APP, marketer, "/api/trends/response-times?format=csv&bucket=day&" + range())
                .get(String.class))
        .startsWith("metric,group,bucket_start,local_start,count,p50_ms");
    assertThat(
            TestApp.as(APP, marketer, "/api/trends/response-times?groupBy=network&slaMinutes=30")
                .get(JsonNode.class)
                .get("slaMs")
                .asLong())
        .isEqualTo(1_800_000L);
    try (Response r =
        TestApp.as(APP, marketer, "/api/trends?" + range()).accept("text/csv").get()) {
      assertThat(r.getMediaType().toString()).startsWith("text/csv");
    }

    String responder = TestApp.login(APP, TestApp.RESPONDER);
    try (Response r = TestApp.as(APP, responder, "/api/trends").get()) {
      assertThat(r.getStatus()).isEqualTo(403);
    }
    try (Response r = TestApp.as(APP, marketer, "/api/trends?tz=Mars/Olympus").get()) {
      assertThat(r.getStatus()).isEqualTo(400);
      assertThat(r.readEntity(String.class)).contains("IANA");
    }
    try (Response r = TestApp.as(APP, marketer, "/api/trends?bucket=month").get()) {
      assertThat(r.getStatus()).isEqualTo(400);
    }
  }
}
