package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.network.TunedLayers;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped model's n-gram layers use each sentence encoder exactly where {@code train}'s
 * cross-validation chose it (e5: de, es, fr, hi, it, pt, not ar; multilingual BERT in {@code
 * default-2026.12j}: ar, fr, hi, it, pt, not de or es), and English always uses e5; likewise word
 * stems (pt only). Since {@code default-2026.12t} the multilingual tone network reads every post of
 * those languages, so each is decided by the full layer and the network (the escalation bands stay
 * in the file, unused).
 */
class EncoderLayersTest {
  /** Each result names the layer that decided: "+stems", "+e5", "+mbert" or none, and "+mbertt". */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "de|char-ngram-lr-de+e5+mbertt-|true|Der Kundendienst ist eine Katastrophe, seit Wochen keine Antwort",
        "es|char-ngram-lr-es+e5+mbertt-|true|El servicio al cliente es pésimo, llevo semanas sin respuesta",
        "ar|char-ngram-lr-ar+mbert+mbertt-|false|شكرا جزيلا 😍😍 أفضل خدمة",
        "ar|char-ngram-lr-ar+mbert+mbertt-|true|خدمة سيئة جدا وموظفين وقحين",
        "fr|char-ngram-lr-fr+e5+mbert+mbertt-|true|Le service client est nul, je suis très déçu",
        "fr|char-ngram-lr-fr+e5+mbert+mbertt-|true|J'attends toujours ma commande depuis une semaine",
        "it|char-ngram-lr-it+e5+mbert+mbertt-|true|Il servizio clienti è pessimo, sono molto deluso",
        "it|char-ngram-lr-it+e5+mbert+mbertt-|true|Aspetto ancora il mio ordine da una settimana",
        "pt|char-ngram-lr-pt+stems+e5+mbert+mbertt-|false|Vamos ver como fica amanhã",
        "pt|char-ngram-lr-pt+stems+e5+mbert+mbertt-|true|O atendimento é péssimo, estou muito decepcionado com vocês",
      })
  void eachPostIsDecidedByTheLayerTrainChose(
      String language, String model, boolean detractor, String text) {
    SentimentResult result = SharedScorer.get().score(text);
    assertThat(result.language()).isEqualTo(language);
    assertThat(result.model()).startsWith(model);
    assertThat(result.detractor()).isEqualTo(detractor);
  }

  @Test
  void onlyTheLayersWithMultilingualBertHaveAFirstLayer() {
    DetractorModel model = DetractorModel.bundled();
    for (String lang : java.util.List.of("ar", "fr", "hi", "it", "pt")) {
      assertThat(model.escalation(lang)).as(lang).isNotNull();
      assertThat(model.escalation(lang).share()).as(lang).isBetween(0.05, 0.6);
    }
    assertThat(model.escalation("de")).isNull();
    assertThat(model.escalation("es")).isNull();
    assertThat(model.trainedOn())
        .anyMatch(d -> d.startsWith("ar: ") && d.contains("multilingual encoder only within"));
  }

  @Test
  void englishAlwaysUsesTheEncoderAndTheChoicesAreRecorded() {
    SentimentResult english =
        SharedScorer.get().score("Still no refund after three weeks, awful service");
    assertThat(english.model()).contains("+lr+e5t-default-2026.12");
    assertThat(english.detractor()).isTrue();
    assertThat(DetractorModel.bundled().trainedOn())
        .anyMatch(d -> d.startsWith("pt: ") && d.contains("word stems on"))
        .anyMatch(d -> d.startsWith("it: ") && d.contains("word stems off"))
        .anyMatch(d -> d.startsWith("ar: ") && d.contains("multilingual encoder on"))
        .anyMatch(d -> d.startsWith("es: ") && d.contains("multilingual encoder off"));
  }

  @Test
  void theShippedModelAveragesEveryNgramLanguageWithTheMultilingualToneNetwork() {
    DetractorModel model = DetractorModel.bundled();
    assertThat(model.multilingualNetwork()).isNotNull();
    assertThat(model.multilingualNetwork().firstTuned()).isEqualTo(8);
    assertThat(model.multilingualNetwork().end()).isEqualTo(9);
    assertThat(model.multilingualNetworkShare()).isEqualTo(0.5);
    assertThat(model.trainedOn())
        .anyMatch(
            d ->
                d.startsWith("multilingual tone network n-gram languages {ar=")
                    && d.contains("averaged with each n-gram layer (share 0.5, fixed)"));
    assertThat(SharedScorer.get().score("Il servizio clienti è pessimo, sono molto deluso").model())
        .contains("+mbertt-");
  }

  /**
   * Since {@code default-2026.12x} Russian, Persian and Greek posts without a complaint cue are
   * also read by the complaint layer over multilingual BERT, learned from English brand complaints.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true|@ShopLine курьер так и не появился, а в приложении написано доставлено",
        "true|@efoodGR η παραγγελία ήρθε ανοιχτή και το μισό φαγητό είχε χυθεί",
        "false|@ShopLine а курьер сегодня появится?",
        "false|@ShopLine спасибо, всё пришло вовремя",
      })
  void theShippedModelReadsNarratedComplaintsInTheLexiconLanguages(boolean complaint, String text) {
    SentimentResult result = SharedScorer.get().score(text);
    assertThat(result.model()).startsWith("lexicon-lr-" + result.language() + "+mbert-complaints-");
    assertThat(result.complaint()).as(text).isEqualTo(complaint);
    assertThat(result.detractor()).as(text).isEqualTo(complaint);
    assertThat(
            result.evidence().stream().anyMatch(e -> e.kind().equals(ComplaintLayerCue.EVIDENCE)))
        .isEqualTo(complaint);
    assertThat(DetractorModel.bundled().trainedOn())
        .anyMatch(d -> d.startsWith("multilingual complaint layer: 3449 posts, threshold 0.46"));
  }

  /**
   * The n-gram languages' layers learned general tweets: the same complaint layer reads their posts
   * too, except Arabic's and Hindi's ({@link MultilingualComplaintLayer#reads}).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "de|true|@DHLPaket der Bote hat das Paket einfach beim Nachbarn drei Straßen weiter abgegeben",
        "ar|false|@Careem الكابتن كان قليل ذوق ورفض يشغل التكييف",
      })
  void theComplaintLayerReadsTheNgramLanguagesButArabicAndHindi(
      String language, boolean readAsComplaint, String text) {
    SentimentResult result = SharedScorer.get().score(text);
    assertThat(result.language()).isEqualTo(language);
    assertThat(result.complaint()).isEqualTo(readAsComplaint);
    assertThat(
            result.evidence().stream().anyMatch(e -> e.kind().equals(ComplaintLayerCue.EVIDENCE)))
        .isEqualTo(readAsComplaint);
    assertThat(SharedScorer.get().forTone().score(text).evidence())
        .as("a reply draft is never read as a complaint")
        .noneMatch(e -> e.kind().equals(ComplaintLayerCue.EVIDENCE));
    assertThat(MultilingualComplaintLayer.reads("hi")).isFalse();
    assertThat(MultilingualComplaintLayer.reads("es")).isTrue();
  }

  @Test
  void theShippedModelCarriesTheDetractorRuleTrainChose() {
    DetractorModel model = DetractorModel.bundled();
    assertThat(model.detractorMix()).isEqualTo(new DetractorMix(false, 0.5));
    assertThat(model.toneNetworkShare()).isEqualTo(0.8);
    assertThat(model.negativeOdds("en")).isEqualTo(1.649);
    assertThat(model.trainedOn())
        .anyMatch(
            d ->
                d.startsWith(
                    "en: tone network share 0.8, detractor = 0.5 x P(negative) + 0.5 x"
                        + " P(complaint) by CV (P(negative) odds x1.649;"));
  }

  @Test
  void theShippedEnglishNetworkTunesE5sTopSixLayersKeptInEightBits() {
    List<TunedLayers> english = DetractorModel.bundled().englishNetworks();
    assertThat(english).hasSize(1);
    TunedLayers network = english.get(0);
    assertThat(network.firstTuned()).isEqualTo(6);
    assertThat(network.end()).isEqualTo(12);
    // 8-bit changes keep six layers under the 30 MB the shipped model may take
    assertThat(network.changes()).isEmpty();
    assertThat(network.int8Changes()).isNotEmpty();
  }
}
