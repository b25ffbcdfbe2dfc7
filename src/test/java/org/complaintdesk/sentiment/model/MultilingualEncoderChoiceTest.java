package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.complaintdesk.sentiment.SentimentAnalyzer;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.english.EnglishFeatures;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;

/**
 * {@code train} gives an n-gram layer the multilingual encoder's numbers only where k-fold
 * cross-validation on its training posts says they help, and the trained layer then reads them. The
 * stand-in encoder knows each post's label, which the words do not carry.
 */
class MultilingualEncoderChoiceTest {
  private static final String[] WORDS = {
    "heute", "Konto", "Karte", "Filiale", "App", "morgen", "Bank", "Termin", "Brief", "Zins"
  };

  private final LabelKnowingEncoder knowsTheLabel = new LabelKnowingEncoder("stand-in");

  private List<LabelledPost> posts() {
    Random random = new Random(7);
    List<LabelledPost> posts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder text = new StringBuilder("Beitrag");
      for (int w = 0; w < 6; w++) {
        text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      }
      text.append(" Nr").append(i);
      String label = LabelKnowingEncoder.CLASSES.get(i % 3);
      posts.add(knowsTheLabel.knowGerman(i, label, text.toString()));
    }
    return posts;
  }

  @Test
  void crossValidationTurnsTheEncoderOnWhereItCarriesWhatTheWordsDoNot() {
    SentimentComponents c = SharedScorer.components();
    ModelTrainer trainer = knowsTheLabel.multilingualTrainer(c, 0.4);
    List<LabelledPost> posts = posts();
    DetractorModel model = trainer.train(posts, List.of("stand-in test"), "t");

    assertThat(model.trainedOn())
        .anyMatch(d -> d.startsWith("de: ") && d.contains("multilingual encoder on"));
    assertThat(EnglishFeatures.usesEncoder(model.ngram().get("de"), knowsTheLabel)).isTrue();

    SentimentAnalyzer german = knowsTheLabel.german(c, model, 0.4);
    LabelledPost negative = posts.get(0);
    assertThat(german.analyze(negative.text()).model()).contains("+stand-in");
    assertThat(german.analyze(negative.text()).detractor()).isTrue();
    assertThat(german.analyze(negative.text()).evidence())
        .as("the encoder's reading of the whole post is shown when no phrase explains the flag")
        .anyMatch(e -> e.wholePost() && e.kind().contains("stand-in"));
    assertThat(german.analyze(posts.get(2).text()).detractor()).isFalse();
  }
}
