package org.complaintdesk.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.jackson.Jackson;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.IngestService;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentService;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.trends.PhraseService;
import org.complaintdesk.trends.RollupKey;
import org.complaintdesk.trends.TrendRollups;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated data: a week of steady traffic, then a burst of complaints in one hour. The detector
 * fires exactly one alert, names the posts and phrases, delivers it to a loopback webhook and a
 * loopback SMTP server, and stays quiet for the cooldown while the burst goes on.
 */
abstract class AlertDetectorContract {
  abstract Jdbi database();

  static final Instant NOW = Instant.parse("2026-09-14T10:20:00Z");

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(
          new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  WireMockServer webhook;
  Jdbi jdbi;
  MutableClock clock;
  IngestService ingest;
  MentionService mentions;
  SentimentService sentiment;
  KeywordService keywords;
  long acme;
  long source;

  @BeforeEach
  void setUp() {
    webhook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    webhook.start();
    webhook.stubFor(post(urlEqualTo("/hooks/slack")).willReturn(aResponse().withStatus(200)));
    jdbi = database();
    clock = new MutableClock(NOW);
    keywords = new KeywordService(jdbi, clock);
    acme = keywords.add("Acme", "Acme").id();
    ingest = new IngestService(jdbi, keywords, clock);
    mentions = new MentionService(jdbi);
    sentiment = new SentimentService(jdbi, mentions, Jackson.newObjectMapper(), clock);
    sentiment.addChangeListener(new TrendRollups(jdbi));
    source = ingest.registerSource("s", Network.X, "acme", true).id();
  }

  @AfterEach
  void tearDown() {
    webhook.stop();
  }

  AlertsConfiguration config() {
    var c = new AlertsConfiguration();
    c.perNetwork = false;
    c.webhook.url = "http://127.0.0.1:" + webhook.port() + "/hooks/slack";
    c.email.host = "127.0.0.1";
    c.email.port = SMTP.getSmtp().getPort();
    c.email.startTls = false;
    c.email.to = List.of("marketing@example.com");
    return c;
  }

  AlertDetector detector(AlertsConfiguration c) {
    var json = Jackson.newObjectMapper();
    var phrases = new PhraseService(jdbi, keywords, json, 10_000);
    return new AlertDetector(
        jdbi, keywords, phrases, AlertsFeature.channels(c, json), c, json, clock);
  }

  /** A week of 8-12 mentions an hour, about a fifth of them negative (bulk-built rollups). */
  void steadyWeek() {
    Random random = new Random(7);
    long hour = RollupKey.hourOf(NOW);
    Map<RollupKey, long[]> deltas = new HashMap<>();
    for (int h = 1; h <= 168; h++) {
      long start = hour - h * 3_600_000L;
      int volume = 8 + random.nextInt(5);
      int negative = volume / 5;
      deltas.put(
          new RollupKey(start, acme, "x", "en", "negative"), new long[] {negative, negative});
      deltas.put(
          new RollupKey(start, acme, "x", "en", "neutral"), new long[] {volume - negative, 0});
    }
    jdbi.useTransaction(h -> new TrendRollups(jdbi).addAll(h, deltas));
  }

  /** {@code n} scored posts in the current hour, all negative when {@code angry}. */
  void burst(String prefix, int n, boolean angry) {
    burst(prefix, n, angry, "negative");
  }

  /**
   * As above; flagged posts get {@code flaggedLabel} (neutral for calm complaints: the label is the
   * tone, the detractor flag says they need an answer).
   */
  void burst(String prefix, int n, boolean angry, String flaggedLabel) {
    List<IncomingMention> posts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      posts.add(
          new IncomingMention(
              Network.X,
              prefix + i,
              "user" + i,
              null,
              (long) i,
              "Acme checkout broken again, refund please " + i,
              "en",
              "https://x.example/" + prefix + i,
              clock.instant().minusSeconds(i),
              null));
    }
    ingest.ingest(source, new FetchResult(posts, null));
    for (var m : mentions.pendingSentiment(Set.of(), n)) {
      boolean negative = angry || m.externalId().hashCode() % 5 == 0;
      sentiment.save(
          m.id(),
          new SentimentResult(
              "scored",
              negative ? flaggedLabel : "neutral",
              0,
              negative ? 0.9 : 0.1,
              negative,
              negative,
              0.9,
              "en",
              List.of(),
              negative
                  ? List.of(new SentimentResult.Evidence("checkout broken", "negative phrase", 0.9))
                  : List.of(),
              "test",
              null));
    }
  }

  @Test
  void aVolumeSpikeFiresExactlyOneAlertWithinTheCooldownDeliveredToWebhookAndSmtp()
      throws Exception {
    steadyWeek();
    var detector = detector(config());
    assertThat(detector.tick()).as("steady traffic").isEmpty();

    burst("a", 60, false);
    var fired = detector.tick();
    assertThat(fired)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo("volume");
              assertThat(a.keyword()).isEqualTo("Acme");
              assertThat(a.volume()).isEqualTo(60);
              assertThat(a.posts()).hasSize(5);
              assertThat(a.phrases()).contains("checkout broken");
            });

    // The burst goes on: still within the cooldown, so no second alert.
    clock.advance(Duration.ofMinutes(30));
    burst("b", 40, false);
    assertThat(detector.tick()).isEmpty();

    webhook.verify(
        1,
        postRequestedFor(urlEqualTo("/hooks/slack"))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(containing("\"text\""))
            .withRequestBody(containing("Volume spike for \\\"Acme\\\"")));
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).isEqualTo("[Complaint Desk] Volume spike for \"Acme\"");
    assertThat((String) mails[0].getContent()).contains("checkout broken");

    var history = new AlertService(jdbi, keywords, Jackson.newObjectMapper()).list(10, 0);
    assertThat(history.items())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.delivery())
                  .containsEntry("webhook", "sent")
                  .containsEntry("email", "sent");
              assertThat(a.posts()).hasSize(5);
            });
  }

  @Test
  void aNegativitySpikeWithoutExtraVolumeFiresANegativityAlert() {
    steadyWeek();
    burst("n", 12, true);
    var fired = undeliveredDetector().tick();
    assertThat(fired).extracting(Alert::kind).containsExactly("negativity");
    assertThat(fired.get(0).observed()).isEqualTo(1.0);
  }

  @Test
  void aBurstOfCalmComplaintsIsANegativitySpikeToo() {
    steadyWeek();
    // "still can't check out" in a neutral tone: flagged, labelled neutral.
    burst("q", 12, true, "neutral");
    var fired = undeliveredDetector().tick();
    assertThat(fired).extracting(Alert::kind).containsExactly("negativity");
    assertThat(fired.get(0).observed()).isEqualTo(1.0);
    assertThat(fired.get(0).posts()).isNotEmpty();
  }

  /** A detector with no delivery channel configured. */
  private AlertDetector undeliveredDetector() {
    var c = config();
    c.webhook.url = "";
    c.email.host = "";
    return detector(c);
  }

  @Test
  void aFailingWebhookIsRecordedNotThrown() {
    webhook.stubFor(post(urlEqualTo("/hooks/slack")).willReturn(aResponse().withStatus(500)));
    steadyWeek();
    burst("f", 60, false);
    var c = config();
    c.email.host = "";
    assertThat(detector(c).tick()).hasSize(1);
    var alert =
        new AlertService(jdbi, keywords, Jackson.newObjectMapper()).list(1, 0).items().get(0);
    assertThat(alert.delivery().get("webhook")).startsWith("failed");
  }

  @Test
  void spikeMath() {
    long[] flat = new long[24];
    java.util.Arrays.fill(flat, 10);
    assertThat(SpikeMath.volumeScore(13, flat)).isEqualTo(3.0); // sigma floored at 1
    assertThat(SpikeMath.negativityScore(5, 100, 0.05)).isEqualTo(0.0);
    assertThat(SpikeMath.negativityScore(20, 100, 0.05)).isGreaterThan(6);
  }
}
