package org.complaintdesk.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jackson.Jackson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.IngestService;
import org.complaintdesk.ingest.MentionFilter;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentService;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhraseServiceTest {
  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  @TempDir Path dir;

  @Test
  void evidencePhrasesAndTopicsAreRankedByMentionsWithExamples() {
    var jdbi = TestDatabases.sqlite(dir);
    var clock = new MutableClock(T0);
    var keywords = new KeywordService(jdbi, clock);
    keywords.add("Acme", "acme");
    var ingest = new IngestService(jdbi, keywords, clock);
    var mentions = new MentionService(jdbi);
    var json = Jackson.newObjectMapper();
    var sentiment = new SentimentService(jdbi, mentions, json, clock);
    long source = ingest.registerSource("s", Network.X, "acme", true).id();
    String[] texts = {
      "Acme late delivery again, my parcel is lost",
      "Third late delivery from Acme this month!",
      "Acme customer service hung up on me. Late delivery too",
      "Acme app keeps crashing",
      "Love the new Acme store" // positive: must not count
    };
    List<IncomingMention> posts = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      posts.add(
          new IncomingMention(
              Network.X,
              "p" + i,
              "u" + i,
              null,
              1L,
              texts[i],
              "en",
              null,
              T0.plus(Duration.ofMinutes(i)),
              null));
    }
    ingest.ingest(source, new FetchResult(posts, null));
    for (var m : mentions.list(MentionFilter.none(), 10, 0).items()) {
      boolean positive = m.text().startsWith("Love");
      var evidence =
          positive
              ? List.<SentimentResult.Evidence>of()
              : List.of(new SentimentResult.Evidence("Late delivery!", "negative phrase", 0.9));
      if (m.text().contains("crashing")) {
        evidence =
            List.of(
                new SentimentResult.Evidence("keeps crashing", "negative phrase", 0.8),
                // only the biggest of many small weights: not a phrase the model flagged
                new SentimentResult.Evidence(
                    "app", "learned word" + SentimentResult.Evidence.WEAK_SUFFIX, -0.1));
      }
      sentiment.save(
          m.id(),
          new SentimentResult(
              "scored",
              positive ? "positive" : "negative",
              0,
              positive ? 0.1 : 0.9,
              !positive,
              !positive,
              0.9,
              "en",
              List.of(),
              evidence,
              "test",
              null));
    }
    var report =
        new PhraseService(jdbi, keywords, json, 1000)
            .top(
                T0.minusSeconds(60),
                T0.plus(Duration.ofHours(1)),
                PhraseService.Filter.none(),
                5,
                2);
    assertThat(report.mentionsScanned()).isEqualTo(4);
    var top = report.phrases().get(0);
    assertThat(top.phrase()).isEqualTo("late delivery!".replace("!", ""));
    assertThat(top.source()).isEqualTo("evidence");
    assertThat(top.mentions()).isEqualTo(3);
    assertThat(top.examples()).hasSize(2);
    assertThat(report.phrases())
        .extracting(PhraseReport.Phrase::phrase)
        .contains("keeps crashing", "customer service")
        .doesNotContain("new acme", "acme store", "acme late", "app");
  }

  @Test
  void topicsSkipStopWordsAndKeywordTerms() {
    assertThat(
            PhraseExtractor.topics(
                "The Acme refund process is a total joke", java.util.Set.of("acme")))
        .containsExactly("refund process", "total joke");
  }
}
