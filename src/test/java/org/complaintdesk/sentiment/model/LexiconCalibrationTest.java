package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.complaintdesk.sentiment.lexicon.EmojiLexicon;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;
import org.junit.jupiter.api.Test;

/** The lexicon-only layer (ru, fa, el) learns from every labelled language that has a lexicon. */
class LexiconCalibrationTest {
  private static final SocialTextPreparer PREPARER =
      new SocialTextPreparer(new EmojiLexicon(Map.of()));
  private static final ModelTrainer.TrainingOptions OPTIONS =
      new ModelTrainer.TrainingOptions(1.0, 1.0, 1, 3, 30, 0.4, null, null);
  private static final BiFunction<
          List<LabelledPost>, List<Counter<String>>, LinearClassifier<String, String>>
      FIT =
          (posts, features) -> {
            RVFDataset<String, String> data = new RVFDataset<>();
            for (int i = 0; i < posts.size(); i++) {
              data.add(new RVFDatum<>(features.get(i), posts.get(i).label()));
            }
            LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
            factory.setVerbose(false);
            return factory.trainClassifier(data);
          };

  @Test
  void poolsEveryLabelledLanguageWithALexiconButEnglish() {
    Map<String, List<LabelledPost>> byLanguage =
        Map.of(
            "es", posts("es", "servicio terrible", "servicio excelente", 40),
            "de", posts("de", "Service schrecklich", "Service wunderbar", 40),
            "ru", posts("ru", "ужасный сервис", "отличный сервис", 2),
            "en", posts("en", "terrible service", "excellent service", 40),
            "nl", posts("nl", "vreselijke service", "uitstekende service", 40));

    LexiconCalibration.Result result =
        new LexiconCalibration(PREPARER, FIT, OPTIONS).train(byLanguage);

    assertThat(result.layer()).isNotNull();
    // Dutch has no lexicon to score its posts with, and English has its own layer.
    assertThat(result.decision())
        .contains("calibrated on de 80, es 80, ru 4")
        .doesNotContain("en ");
  }

  @Test
  void aLanguageLeftOutIsScoredByWhatTheOthersTaught() {
    Map<String, List<LabelledPost>> byLanguage =
        Map.of(
            "es", posts("es", "servicio terrible", "servicio excelente", 40),
            "de", posts("de", "Service schrecklich", "Service wunderbar", 40));

    LexiconCalibration.Result result =
        new LexiconCalibration(PREPARER, FIT, OPTIONS).train(byLanguage);

    // Trained on German alone, the layer tells Spanish negatives from positives, and back.
    assertThat(result.decision()).contains("de 1.0000, es 1.0000; mean 1.0000");
    // And the pooled layer reads a Russian post through the Russian lexicon the same way.
    SentimentLexicon russian = SentimentLexicon.bundled("ru");
    PreparedText angry = PREPARER.prepare("ужасный сервис");
    assertThat(
            result
                .layer()
                .probabilityOf(
                    new RVFDatum<>(NgramFeatures.lexiconOnly(angry, russian.match(angry.words()))))
                .getCount(LabelledPost.NEGATIVE))
        .isGreaterThan(0.5);
  }

  @Test
  void tooFewPostsGiveNoLayer() {
    LexiconCalibration.Result result =
        new LexiconCalibration(PREPARER, FIT, OPTIONS)
            .train(Map.of("es", posts("es", "servicio terrible", "servicio excelente", 1)));

    assertThat(result.layer()).isNull();
    assertThat(result.decision()).isNull();
  }

  private static List<LabelledPost> posts(String lang, String negative, String positive, int each) {
    List<LabelledPost> out = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      out.add(post(lang, "n" + i, LabelledPost.NEGATIVE, negative + " " + i));
      out.add(post(lang, "p" + i, LabelledPost.POSITIVE, positive + " " + i));
    }
    return out;
  }

  private static LabelledPost post(String lang, String id, String label, String text) {
    return new LabelledPost(lang + id, label, lang, text, 1, LabelledPost.SENTIMENT);
  }
}
