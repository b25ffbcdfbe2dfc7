package org.complaintdesk.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jackson.Jackson;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.IngestService;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker stores every outcome, tells listeners, and never loses a mention to a shutdown. */
class SentimentWorkerTest {
  @TempDir Path dir;
  MentionService mentions;
  SentimentService results;
  List<Mention> heard = new ArrayList<>();

  @BeforeEach
  void setUp() {
    var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    var jdbi = TestDatabases.sqlite(dir);
    var keywords = new KeywordService(jdbi, clock);
    keywords.add("Acme", null);
    var ingest = new IngestService(jdbi, keywords, clock);
    long source = ingest.registerSource("t", Network.DEMO, null, true).id();
    List<IncomingMention> posts = new ArrayList<>();
    for (String text : List.of("Acme angry", "Acme boom", "Acme stop")) {
      posts.add(
          new IncomingMention(
              Network.DEMO, text, "ann", null, null, text, null, null, clock.instant(), null));
    }
    ingest.ingest(source, new FetchResult(posts, null));
    mentions = new MentionService(jdbi);
    results = new SentimentService(jdbi, mentions, Jackson.newObjectMapper(), clock);
  }

  private SentimentWorker worker(SentimentAnalyzer analyzer) {
    var scorer = new SentimentScorer(text -> Optional.of("en"), Map.of("en", analyzer));
    var worker = new SentimentWorker(mentions, results, scorer, 1);
    worker.addListener((m, r) -> heard.add(m));
    return worker;
  }

  private Mention byText(String text) {
    return mentions.pendingSentiment(Set.of(), 10).stream()
        .filter(m -> m.text().equals(text))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void scoredFailedAndInterruptedMentionsEndUpWhereTheyShould() {
    var worker =
        worker(
            text ->
                switch (text) {
                  case "Acme angry" ->
                      new SentimentResult(
                          "scored",
                          "negative",
                          -1,
                          0.9,
                          true,
                          false,
                          0.9,
                          "en",
                          List.of(),
                          List.of(),
                          "fake",
                          null);
                  case "Acme boom" -> throw new IllegalStateException("model exploded");
                  default ->
                      throw new RuntimeException(new InterruptedIOException("shutting down"));
                });
    Mention angry = byText("Acme angry");
    Mention boom = byText("Acme boom");
    Mention stop = byText("Acme stop");
    worker.process(angry);
    worker.process(boom);
    worker.process(stop);

    assertThat(mentions.find(angry.id()).orElseThrow().sentimentStatus()).isEqualTo("scored");
    assertThat(mentions.find(angry.id()).orElseThrow().detractor()).isTrue();
    assertThat(mentions.find(boom.id()).orElseThrow().sentimentStatus()).isEqualTo("failed");
    assertThat(results.find(boom.id()).orElseThrow().result().error()).contains("model exploded");
    assertThat(mentions.find(stop.id()).orElseThrow().sentimentStatus()).isEqualTo("pending");
    assertThat(heard).extracting(Mention::id).containsExactly(angry.id(), boom.id());
    assertThat(mentions.pendingSentiment(Set.of(), 10))
        .extracting(Mention::id)
        .containsExactly(stop.id());
  }
}
