package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;

/**
 * The shipped model's n-gram layers use the sentence encoder exactly where {@code train}'s
 * cross-validation chose it (de, es, fr, hi, it, pt; not ar), and English always does; likewise
 * word stems (pt only in {@code default-2026.12e}).
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
  void wordStemsOnlyWhereCrossValidationChoseThem() {
    SentimentResult portuguese =
        SharedScorer.get().score("O atendimento é péssimo, estou muito decepcionado com vocês");
    SentimentResult italian =
        SharedScorer.get().score("Il servizio clienti è pessimo, sono molto deluso");
    assertThat(portuguese.language()).isEqualTo("pt");
    assertThat(portuguese.model()).startsWith("char-ngram-lr-pt+stems+e5-");
    assertThat(italian.language()).isEqualTo("it");
    assertThat(italian.model()).startsWith("char-ngram-lr-it+e5-");
    assertThat(DetractorModel.bundled().trainedOn())
        .anyMatch(d -> d.startsWith("pt: ") && d.contains("word stems on"))
        .anyMatch(d -> d.startsWith("it: ") && d.contains("word stems off"));
  }

  @Test
  void theShippedModelCarriesTheDetractorRuleTrainChose() {
    DetractorModel model = DetractorModel.bundled();
    assertThat(model.detractorMix()).isEqualTo(new DetractorMix(true, 0));
    assertThat(model.trainedOn()).anyMatch(d -> d.startsWith("en: detractor = "));
  }
}
