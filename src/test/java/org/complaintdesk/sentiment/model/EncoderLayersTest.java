package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped model's n-gram layers use each sentence encoder exactly where {@code train}'s
 * cross-validation chose it (e5: de, es, fr, hi, it, pt, not ar; multilingual BERT: every one but
 * es in {@code default-2026.12i}), and English always uses e5; likewise word stems (pt only).
 */
class EncoderLayersTest {
  /** Each layer's model name lists what it is given: "+stems", "+e5", "+mbert", or none. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "de|char-ngram-lr-de+e5+mbert-|Der Kundendienst ist eine Katastrophe, seit Wochen keine Antwort",
        "ar|char-ngram-lr-ar+mbert-|خدمة سيئة جدا وموظفين وقحين",
        "pt|char-ngram-lr-pt+stems+e5+mbert-|O atendimento é péssimo, estou muito decepcionado com vocês",
        "it|char-ngram-lr-it+e5+mbert-|Il servizio clienti è pessimo, sono molto deluso",
        "es|char-ngram-lr-es+e5-|El servicio al cliente es pésimo, llevo semanas sin respuesta",
      })
  void eachLayerIsGivenWhatTrainChoseForIt(String language, String model, String text) {
    SentimentResult result = SharedScorer.get().score(text);
    assertThat(result.language()).isEqualTo(language);
    assertThat(result.model()).startsWith(model);
    assertThat(result.detractor()).isTrue();
  }

  @Test
  void englishAlwaysUsesTheEncoderAndTheChoicesAreRecorded() {
    SentimentResult english =
        SharedScorer.get().score("Still no refund after three weeks, awful service");
    assertThat(english.model()).contains("+lr-default-2026.12");
    assertThat(english.detractor()).isTrue();
    assertThat(DetractorModel.bundled().trainedOn())
        .anyMatch(d -> d.startsWith("pt: ") && d.contains("word stems on"))
        .anyMatch(d -> d.startsWith("it: ") && d.contains("word stems off"))
        .anyMatch(d -> d.startsWith("ar: ") && d.contains("multilingual encoder on"))
        .anyMatch(d -> d.startsWith("es: ") && d.contains("multilingual encoder off"));
  }

  @Test
  void theShippedModelCarriesTheDetractorRuleTrainChose() {
    DetractorModel model = DetractorModel.bundled();
    assertThat(model.detractorMix()).isEqualTo(new DetractorMix(true, 0));
    assertThat(model.trainedOn()).anyMatch(d -> d.startsWith("en: detractor = "));
  }
}
