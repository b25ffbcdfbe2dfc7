package org.complaintdesk.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real CoreNLP-backed scorer (loaded once per test JVM) on clear-cut posts. */
class SentimentScorerTest {
  private final SentimentScorer scorer = SharedScorer.get();

  @Test
  void clearlyAngryPostIsANegativeDetractorWithEvidence() {
    SentimentResult r =
        scorer.score(
            "This is the worst airline ever. I hate it and I will never fly with them again.");
    assertThat(r.status()).isEqualTo("scored");
    assertThat(r.label()).isEqualTo("negative");
    assertThat(r.detractor()).isTrue();
    assertThat(r.detractorProbability())
        .isGreaterThanOrEqualTo(new SentimentConfiguration().detractorThreshold);
    assertThat(r.evidence()).isNotEmpty();
    assertThat(r.sentences()).hasSize(2);
    assertThat(r.score()).isNegative();
  }

  @Test
  void clearlyHappyPostIsPositiveAndNotFlagged() {
    SentimentResult r =
        scorer.score("I love this wonderful team. Great service, thank you so much!");
    assertThat(r.label()).isEqualTo("positive");
    assertThat(r.detractor()).isFalse();
    assertThat(r.score()).isPositive();
  }

  @Test
  void plainStatementIsNeutral() {
    SentimentResult r = scorer.score("The store opens at nine on Monday morning.");
    assertThat(r.label()).isEqualTo("neutral");
    assertThat(r.detractor()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|unscored",
        "'   '|unscored",
        "12345 !!!|unscored",
        // A handle and no emoji with a sentiment: nothing to score.
        "@NimbusAir 12345|unscored",
      })
  void textsWithNothingToScoreAreMarkedNotScored(String text, String status) {
    SentimentResult r = scorer.score(text);
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.label()).isNull();
    assertThat(r.detractor()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Unscored before: no words to detect a language from, though the customer is clearly
        // angry.
        "@KiteBank 🤬🤬|true|negative",
        "😡😡😡 👎|true|negative",
        "@NimbusAir :(|true|negative",
        "@CrumbCo 😍|false|positive",
      })
  void postsOfOnlyAHandleAndEmojiAreScoredByTheirEmojiWithoutALanguage(
      String text, boolean detractor, String label) {
    SentimentResult r = scorer.score(text);
    assertThat(r.status()).isEqualTo("scored");
    assertThat(r.language()).isNull();
    assertThat(r.detractor()).isEqualTo(detractor);
    assertThat(r.label()).isEqualTo(label);
    assertThat(r.model()).startsWith("emoji-lr-");
    assertThat(r.evidence()).extracting(SentimentResult.Evidence::kind).contains("emoji");
  }

  @Test
  void hugeTextIsStoredUnscoredInsteadOfParsedForMinutes() {
    SentimentResult r = scorer.score("The service was terrible and slow. ".repeat(600)); // ~20 kB
    assertThat(r.status()).isEqualTo("unscored");
    assertThat(r.error()).contains("longer than");
  }

  @Test
  void languagesWithoutAModelAreUnsupportedNotNeutral() {
    SentimentResult r = scorer.score("@NimbusAir bu havayolu berbat, bir daha asla uçmayacağım");
    assertThat(r.status()).isEqualTo("unsupported");
    assertThat(r.language()).isEqualTo("tr");
    assertThat(r.confidence()).isZero();
    assertThat(r.label()).isNull();
  }
}
