package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaiveBayesScalingTest {
  private static LabelledPost post(String label, int i) {
    return new LabelledPost("p" + i, label, "es", "post " + i, 1, LabelledPost.SENTIMENT);
  }

  private static Counter<String> features(String... names) {
    Counter<String> c = new ClassicCounter<>();
    c.setCount("bias", 1);
    for (String n : names) {
      c.setCount(n, 1);
    }
    return c;
  }

  private final List<LabelledPost> posts = new ArrayList<>();
  private final List<Counter<String>> features = new ArrayList<>();

  NaiveBayesScalingTest() {
    for (int i = 0; i < 30; i++) {
      String label = i % 3 == 0 ? "negative" : i % 3 == 1 ? "neutral" : "positive";
      posts.add(post(label, i));
      features.add(
          switch (label) {
            case "negative" -> features("w:fatal", "c:fat", "w:hoy", "lex:neg");
            case "neutral" -> features("w:hoy", "c:hoy");
            default -> features("w:genial", "w:hoy", i % 2 == 0 ? "w:fatal" : "c:gen");
          });
    }
  }

  @Test
  void separatingNgramsWeighMoreThanSharedOnesAndOtherFeaturesKeepTheirValue() {
    NaiveBayesScaling scaling = NaiveBayesScaling.fit(posts, features);

    // "c:fat" occurs in every negative post and no other: a large log-count ratio.
    assertThat(scaling.factor("c:fat")).isGreaterThan(1.5);
    // "w:hoy" occurs everywhere: no evidence, the factor falls to 1 - interpolation.
    assertThat(scaling.factor("w:hoy")).isCloseTo(0.5, within(0.05));
    assertThat(scaling.factor("lex:neg")).isEqualTo(1.0);
    assertThat(scaling.factor("bias")).isEqualTo(1.0);
    assertThat(scaling.scale(features("c:fat", "lex:neg")).getCount("lex:neg")).isEqualTo(1.0);
  }

  @Test
  void theFoldedClassifierScoresRawFeaturesAsTheScaledOneScoresScaledFeatures() {
    NaiveBayesScaling scaling = NaiveBayesScaling.fit(posts, features);
    RVFDataset<String, String> data = new RVFDataset<>();
    for (int i = 0; i < posts.size(); i++) {
      data.add(new RVFDatum<>(scaling.scale(features.get(i)), posts.get(i).label()));
    }
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
    factory.setVerbose(false);
    LinearClassifier<String, String> scaled = factory.trainClassifier(data);

    LinearClassifier<String, String> folded = scaling.foldInto(scaled);

    Counter<String> probe = features("w:fatal", "c:fat", "w:hoy", "lex:neg");
    Counter<String> expected = scaled.probabilityOf(new RVFDatum<>(scaling.scale(probe)));
    Counter<String> actual = folded.probabilityOf(new RVFDatum<>(probe));
    for (String label : List.of("negative", "neutral", "positive")) {
      assertThat(actual.getCount(label)).isCloseTo(expected.getCount(label), within(1e-9));
    }
    assertThat(actual.getCount("negative")).isGreaterThan(0.5);
  }
}
