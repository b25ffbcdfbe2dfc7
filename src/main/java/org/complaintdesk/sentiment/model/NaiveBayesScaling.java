package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.Counter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NBSVM-style scaling of the n-gram features (Wang &amp; Manning 2012, "Baselines and Bigrams"):
 * each character n-gram, word and bigram is multiplied by how strongly it separates negative posts
 * from the rest in the training posts (the absolute Naive Bayes log-count ratio), interpolated with
 * 1. The logistic regression then starts from what Naive Bayes knows, which helps most on small
 * data sets like the ~1,840 posts per language we have.
 *
 * <p>Because a logistic regression is linear, the scaled model is folded back into an ordinary
 * classifier over the unscaled features ({@link #foldInto}): the model file, the scorer and the
 * evidence stay exactly as they are.
 */
public final class NaiveBayesScaling {
  /** Weight of the Naive Bayes factor against 1 (plain features); 0.5 in 5-fold CV on XLM-T. */
  static final double INTERPOLATION = 0.5;

  /** Add-one smoothing of the counts. */
  private static final double ALPHA = 1;

  private final Map<String, Double> factors;

  private NaiveBayesScaling(Map<String, Double> factors) {
    this.factors = factors;
  }

  /** Factors from these posts (counted by their weight) and their features. */
  public static NaiveBayesScaling fit(List<LabelledPost> posts, List<Counter<String>> features) {
    Map<String, double[]> counts = new HashMap<>();
    double[] total = new double[2];
    for (int i = 0; i < posts.size(); i++) {
      int side = posts.get(i).isNegative() ? 0 : 1;
      double weight = Math.max(1, posts.get(i).weight());
      total[side] += weight;
      for (String f : features.get(i).keySet()) {
        if (isNgram(f)) {
          counts.computeIfAbsent(f, k -> new double[2])[side] += weight;
        }
      }
    }
    Map<String, Double> factors = new HashMap<>();
    counts.forEach(
        (f, c) -> {
          double ratio =
              Math.log(
                  ((c[0] + ALPHA) / (total[0] + ALPHA)) / ((c[1] + ALPHA) / (total[1] + ALPHA)));
          factors.put(f, 1 - INTERPOLATION + INTERPOLATION * Math.abs(ratio));
        });
    return new NaiveBayesScaling(factors);
  }

  /** Character n-grams, words and bigrams; lexicon, emoji and cue features keep their values. */
  static boolean isNgram(String feature) {
    return feature.startsWith("c:") || feature.startsWith("w:") || feature.startsWith("b:");
  }

  double factor(String feature) {
    return isNgram(feature) ? factors.getOrDefault(feature, 1 - INTERPOLATION) : 1;
  }

  public Counter<String> scale(Counter<String> features) {
    return FeatureScaling.scale(features, this::factor);
  }

  /** The same classifier over unscaled features: weight × factor for every feature. */
  public LinearClassifier<String, String> foldInto(LinearClassifier<String, String> scaled) {
    return FeatureScaling.fold(scaled, this::factor);
  }
}
