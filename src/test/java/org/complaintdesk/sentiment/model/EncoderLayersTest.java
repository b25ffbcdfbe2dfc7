package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;

/**
 * The shipped model's n-gram layers use the sentence encoder exactly where {@code train}'s
 * cross-validation chose it (de, es, fr, hi, it, pt; not ar), and English always does.
 */
class EncoderLayersTest {
  @Test
  void layersTrainedWithTheEncoderAreGivenItAndTheOthersAreNot() {
    SentimentResult german =
        SharedScorer.get()
            .score("Der Kundendienst ist eine Katastrophe, seit Wochen keine Antwort");
    SentimentResult arabic = SharedScorer.get().score("خدمة سيئة جدا وموظفين وقحين");
    SentimentResult english =
        SharedScorer.get().score("Still no refund after three weeks, awful service");
    assertThat(german.language()).isEqualTo("de");
    assertThat(german.model()).startsWith("char-ngram-lr-de+e5-");
    assertThat(arabic.language()).isEqualTo("ar");
    assertThat(arabic.model()).startsWith("char-ngram-lr-ar-");
    assertThat(english.model()).contains("+lr-default-2026.12");
    assertThat(german.detractor()).isTrue();
    assertThat(english.detractor()).isTrue();
  }

  @Test
  void theShippedModelCarriesTheDetractorRuleTrainChose() {
    DetractorModel model = DetractorModel.bundled();
    assertThat(model.detractorMix()).isEqualTo(new DetractorMix(true, 0));
    assertThat(model.trainedOn()).anyMatch(d -> d.startsWith("en: detractor = "));
  }
}
