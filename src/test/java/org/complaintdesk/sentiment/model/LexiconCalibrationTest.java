package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.complaintdesk.sentiment.english.EnglishFeatures;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
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
      new ModelTrainer.TrainingOptions(1.0, 1.0, 1, 3, 30, 0.4);
  private static final LexiconCalibration.Fit FIT =
      (posts, features, sigma) -> {
        RVFDataset<String, String> data = new RVFDataset<>();
        for (int i = 0; i < posts.size(); i++) {
          data.add(new RVFDatum<>(features.get(i), posts.get(i).label()));
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
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
        new LexiconCalibration(PREPARER, FIT, OPTIONS, null).train(byLanguage);

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
        new LexiconCalibration(PREPARER, FIT, OPTIONS, null).train(byLanguage);

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
        new LexiconCalibration(PREPARER, FIT, OPTIONS, null)
            .train(Map.of("es", posts("es", "servicio terrible", "servicio excelente", 1)));

    assertThat(result.layer()).isNull();
    assertThat(result.decision()).isNull();
  }

  @Test
  void readsTheMultilingualEncoderWhereItCarriesOverToALanguageLeftOut() {
    // The words carry no sentiment (the lexicons find nothing); the stand-in knows every label.
    LabelKnowingEncoder bert = new LabelKnowingEncoder("stand-in");
    Map<String, List<LabelledPost>> byLanguage =
        Map.of(
            "es", known(bert, posts("es", "pedido número", "pedido código", 40)),
            "de", known(bert, posts("de", "Bestellung Nummer", "Bestellung Kennung", 40)));

    LexiconCalibration.Result result =
        new LexiconCalibration(PREPARER, FIT, OPTIONS, bert).train(byLanguage);

    assertThat(result.decision())
        .contains("with the multilingual encoder (sigma ")
        .contains("de 1.0000, es 1.0000; mean 1.0000; multilingual encoder on");
    assertThat(EnglishFeatures.usesEncoder(result.layer(), bert)).isTrue();
    // Every post sat near the threshold without it, so every post runs it: no first layer.
    assertThat(result.escalation()).isNull();

    LexiconDetractorAnalyzer russian = russian(result.layer(), null, bert);
    LabelledPost angry = bert.know(post("ru", "n", LabelledPost.NEGATIVE, "заказ номер 7"));
    LabelledPost glad = bert.know(post("ru", "p", LabelledPost.POSITIVE, "заказ номер 8"));
    assertThat(russian.analyze(angry.text()).detractor()).isTrue();
    assertThat(russian.analyze(angry.text()).model()).isEqualTo("lexicon-lr-ru+stand-in-t");
    assertThat(russian.analyze(glad.text()).detractor()).isFalse();
  }

  @Test
  void theLexiconOnlyLayerDecidesThePostsItIsSureOfWithoutTheEncoder() {
    LabelKnowingEncoder bert = new LabelKnowingEncoder("stand-in");
    Map<String, List<LabelledPost>> byLanguage =
        Map.of(
            "es", known(bert, posts("es", "pedido número", "pedido código", 40)),
            "de", known(bert, posts("de", "Bestellung Nummer", "Bestellung Kennung", 40)));
    LexiconCalibration.Result result =
        new LexiconCalibration(PREPARER, FIT, OPTIONS, bert).train(byLanguage);
    // A band of 0: no post is unsure enough to run the encoder.
    EncoderEscalation never =
        new EncoderEscalation(
            new LexiconCalibration(PREPARER, FIT, OPTIONS, null).train(byLanguage).layer(),
            1.0,
            0,
            0);
    int before = bert.calls().get();

    String model = russian(result.layer(), never, bert).analyze("заказ номер 7").model();

    assertThat(model).isEqualTo("lexicon-lr-ru-t");
    assertThat(bert.calls().get()).isEqualTo(before);
  }

  @Test
  void leavesTheEncoderOutWhereItAddsNothingForALanguageLeftOut() {
    // The stand-in knows no post, so it reads every one the same; the lexicons tell them apart.
    LabelKnowingEncoder knowsNothing = new LabelKnowingEncoder("stand-in");
    Map<String, List<LabelledPost>> byLanguage =
        Map.of(
            "es", posts("es", "servicio terrible", "servicio excelente", 40),
            "de", posts("de", "Service schrecklich", "Service wunderbar", 40));

    LexiconCalibration.Result result =
        new LexiconCalibration(PREPARER, FIT, OPTIONS, knowsNothing).train(byLanguage);

    assertThat(result.decision()).endsWith("multilingual encoder off");
    assertThat(EnglishFeatures.usesEncoder(result.layer(), knowsNothing)).isFalse();
    assertThat(result.escalation()).isNull();
  }

  private static LexiconDetractorAnalyzer russian(
      LinearClassifier<String, String> layer,
      EncoderEscalation escalation,
      SentenceEncoder encoder) {
    return new LexiconDetractorAnalyzer(
        SentimentLexicon.bundled("ru"),
        ComplaintCueList.bundled("ru"),
        layer,
        escalation,
        List.of(encoder),
        PREPARER,
        0.4,
        "t");
  }

  private static List<LabelledPost> known(LabelKnowingEncoder encoder, List<LabelledPost> posts) {
    return posts.stream().map(encoder::know).toList();
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
