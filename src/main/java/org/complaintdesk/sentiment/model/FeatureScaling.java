package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.function.ToDoubleFunction;

/**
 * Training a logistic regression on features multiplied by per-feature factors and folding the
 * factors back into its weights. With one σ for all features, a factor c on a feature is the same
 * as a prior c times as wide on its weight; because the model is linear, the folded classifier
 * scores the unscaled features exactly like the trained one scores the scaled ones, so the model
 * file and the scorer keep their shape.
 */
public final class FeatureScaling {
  private FeatureScaling() {}

  public static Counter<String> scale(Counter<String> features, ToDoubleFunction<String> factor) {
    Counter<String> out = new ClassicCounter<>();
    for (String f : features.keySet()) {
      out.setCount(f, features.getCount(f) * factor.applyAsDouble(f));
    }
    return out;
  }

  /** The same classifier over unscaled features: weight × factor for every feature. */
  public static LinearClassifier<String, String> fold(
      LinearClassifier<String, String> scaled, ToDoubleFunction<String> factor) {
    double[][] weights = scaled.weights();
    double[][] folded = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      double c = factor.applyAsDouble(scaled.featureIndex().get(i));
      folded[i] = weights[i].clone();
      for (int j = 0; j < folded[i].length; j++) {
        folded[i][j] *= c;
      }
    }
    return new LinearClassifier<>(folded, scaled.featureIndex(), scaled.labelIndex());
  }
}
