package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class CrossValidatedDecisionTest {
  private static final double[] SIGMAS = {0.5, 2.0};

  @Test
  void oddsCorrectionMultipliesTheOddsOfNegative() {
    assertThat(CrossValidatedDecision.adjust(0.3, 1.0)).isEqualTo(0.3);
    // odds 0.25 x 2 = 0.5 -> p = 1/3
    assertThat(CrossValidatedDecision.adjust(0.2, 2.0)).isCloseTo(1 / 3.0, offset(1e-12));
    assertThat(CrossValidatedDecision.adjust(0.0, 3.0)).isEqualTo(0.0);
    assertThat(CrossValidatedDecision.adjust(1.0, 0.5)).isEqualTo(1.0);
  }

  @Test
  void keepsTheDefaultWhenNothingBeatsIt() {
    // Separable: every setting reaches macro-F1 1, so the default sigma and no correction win.
    List<LabelledPost> posts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      posts.add(post(i, i % 2 == 0 ? "negative" : "neutral"));
    }
    List<Counter<String>> features =
        posts.stream().map(p -> features(p.isNegative() ? "bad" : "fine")).toList();
    CrossValidatedDecision.Choice c =
        CrossValidatedDecision.choose(posts, features, fitter(posts, features), SIGMAS, 0.4);
    assertThat(c.sigma()).isEqualTo(0.5);
    assertThat(c.negativeOdds()).isEqualTo(1.0);
    assertThat(c.macroF1()).isEqualTo(1.0);
  }

  @Test
  void raisesTheOddsWhenNegativesAreUnderCalledInCrossValidation() {
    // "meh" posts are 30% negative: P(negative) ~ 0.3 stays under the threshold 0.4 and no post
    // is called negative; calling every "meh" post negative has the better neg-vs-rest macro-F1.
    List<LabelledPost> posts = new ArrayList<>();
    List<Counter<String>> features = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      boolean meh = i % 3 == 0;
      boolean negative = meh && i % 10 < 3;
      posts.add(post(i, negative ? "negative" : "neutral"));
      features.add(features(meh ? "meh" : "fine"));
    }
    CrossValidatedDecision.Choice c =
        CrossValidatedDecision.choose(posts, features, fitter(posts, features), SIGMAS, 0.4);
    assertThat(c.negativeOdds()).isGreaterThan(1.0);
    assertThat(c.macroF1()).isGreaterThan(c.defaultMacroF1());
  }

  private static LabelledPost post(int i, String label) {
    return new LabelledPost("p" + i, label, "xx", "post number " + i, 1, LabelledPost.SENTIMENT);
  }

  private static Counter<String> features(String word) {
    Counter<String> f = new ClassicCounter<>();
    f.setCount("bias", 1);
    f.setCount(word, 1);
    return f;
  }

  private static BiFunction<List<Integer>, Double, LinearClassifier<String, String>> fitter(
      List<LabelledPost> posts, List<Counter<String>> features) {
    return (rows, sigma) -> {
      RVFDataset<String, String> data = new RVFDataset<>();
      rows.forEach(i -> data.add(new RVFDatum<>(features.get(i), posts.get(i).label())));
      LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
      factory.setSigma(sigma);
      factory.setVerbose(false);
      return factory.trainClassifier(data);
    };
  }
}
