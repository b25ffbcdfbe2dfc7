package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.network.SentimentNetwork;
import org.complaintdesk.testing.FixedToneNetwork;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;

/**
 * The costly encoder runs only on the posts its layer's first stage is unsure of: {@code train}
 * picks the band by cross-validation, and the analyzer decides clear posts without the encoder.
 */
class EncoderEscalationTest {
  private static final double T = 0.4;

  @Test
  void choosesTheNarrowestBandThatSendsOnThePostsWhoseFlagTheEncoderChanges() {
    // Posts 0-5 the first stage is sure of and right about; 6-9 it scores near the threshold and
    // gets wrong, where the full layer is right. A band of 0.1 sends exactly 6-9 on.
    boolean[] gold = {true, true, true, false, false, false, true, true, false, false};
    double[] first = {0.9, 0.95, 0.8, 0.05, 0.1, 0.2, 0.35, 0.31, 0.45, 0.42};
    double[] full = {0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.9, 0.9, 0.1, 0.1};

    EncoderEscalation.Choice c = EncoderEscalation.choose(gold, first, full, T);

    assertThat(c.band()).isEqualTo(0.1);
    assertThat(c.share()).isEqualTo(0.4);
    assertThat(c.changed()).isEqualTo(0.4);
    assertThat(c.captured()).isEqualTo(1.0);
    assertThat(c.macroF1()).isEqualTo(1.0);
    assertThat(c.fullMacroF1()).isEqualTo(1.0);
  }

  @Test
  void sendsEveryPostOnWhenOnlyTheFullLayerIsRightFarFromTheThreshold() {
    boolean[] gold = {true, false, true, false};
    double[] first = {0.05, 0.95, 0.05, 0.95};
    double[] full = {0.9, 0.1, 0.9, 0.1};

    assertThat(EncoderEscalation.choose(gold, first, full, T).band()).isEqualTo(1.0);
  }

  @Test
  void escalatesOnlyWithinTheBand() {
    EncoderEscalation e = new EncoderEscalation(null, 1.0, 0.1, 0.3);
    assertThat(e.escalates(0.45, T)).isTrue();
    assertThat(e.escalates(0.31, T)).isTrue();
    assertThat(e.escalates(0.29, T)).isFalse();
    assertThat(e.escalates(0.9, T)).isFalse();
  }

  private static final Map<String, String> CLEAR_WORDS =
      Map.of(
          LabelledPost.NEGATIVE, "Katastrophe",
          LabelledPost.NEUTRAL, "Information",
          LabelledPost.POSITIVE, "wunderbar");

  private final LabelKnowingEncoder knowsTheLabel = new LabelKnowingEncoder("costly");

  /** Even posts say their label in a word; odd posts say nothing. */
  private List<LabelledPost> posts() {
    List<LabelledPost> posts = new ArrayList<>();
    for (int i = 0; i < 360; i++) {
      String label = LabelKnowingEncoder.CLASSES.get((i / 2) % 3);
      StringBuilder text = new StringBuilder("Beitrag");
      if (i % 2 == 0) {
        text.append(' ').append(CLEAR_WORDS.get(label));
      }
      text.append(" Nr").append(i);
      posts.add(knowsTheLabel.knowGerman(i, label, text.toString()));
    }
    return posts;
  }

  @Test
  void trainKeepsAFirstStageAndTheAnalyzerRunsTheEncoderOnlyOnUnclearPosts() {
    SentimentComponents c = SharedScorer.components();
    ModelTrainer trainer = knowsTheLabel.multilingualTrainer(c, T);
    List<LabelledPost> posts = posts();
    DetractorModel model = trainer.train(posts, List.of("escalation test"), "t");

    EncoderEscalation escalation = model.escalation("de");
    assertThat(escalation).isNotNull();
    assertThat(escalation.share()).isBetween(0.2, 0.8);
    assertThat(model.trainedOn())
        .anyMatch(d -> d.startsWith("de: ") && d.contains("multilingual encoder only within"));

    NgramDetractorAnalyzer german = knowsTheLabel.german(c, model, T);
    knowsTheLabel.calls().set(0);
    SentimentResult clear = german.analyze(posts.get(0).text());
    assertThat(knowsTheLabel.calls().get()).isZero();
    assertThat(clear.model()).isEqualTo("char-ngram-lr-de-t");
    assertThat(clear.detractor()).isTrue();

    // Post 7 is negative ((7 / 2) % 3 == 0) and carries no clear word: only the encoder knows.
    SentimentResult unclear = german.analyze(posts.get(7).text());
    assertThat(knowsTheLabel.calls().get()).isEqualTo(1);
    assertThat(unclear.model()).isEqualTo("char-ngram-lr-de+costly-t");
    assertThat(unclear.detractor()).isTrue();
  }

  @Test
  void withAToneNetworkEveryPostRunsTheEncoderAndIsAveragedWithTheNetwork() {
    SentimentComponents c = SharedScorer.components();
    DetractorModel model =
        knowsTheLabel.multilingualTrainer(c, T).train(posts(), List.of("escalation test"), "t");
    String clearPost = posts().get(0).text();
    knowsTheLabel.calls().set(0);

    SentimentResult calm = knowsTheLabel.german(c, model, T, fixed(0.2)).analyze(clearPost);

    assertThat(knowsTheLabel.calls().get()).as("the first layer no longer decides alone").isOne();
    assertThat(calm.model()).isEqualTo("char-ngram-lr-de+costly+tone-t");
    SentimentResult angry = knowsTheLabel.german(c, model, T, fixed(0.6)).analyze(clearPost);
    assertThat(angry.detractorProbability() - calm.detractorProbability())
        .as("half of the network's difference")
        .isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
  }

  /** A network that gives every post the same P(negative), the rest split evenly. */
  private static SentimentNetwork fixed(double negative) {
    return FixedToneNetwork.of("tone", negative, (1 - negative) / 2, (1 - negative) / 2);
  }
}
