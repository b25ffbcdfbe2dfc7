package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.io.Serializable;
import java.util.Locale;

/**
 * A second opinion on the posts an n-gram layer reads with multilingual BERT: a logistic regression
 * over BERT's numbers alone, whose probabilities are mixed with the layer's, {@code p = (1 -
 * weight) * p_layer + weight * p_head}, before the language's odds correction.
 *
 * <p>Why: inside the layer, BERT's 768 numbers share one σ with tens of thousands of sparse n-gram
 * and word features, and those learn the training tweets' topics. A layer over BERT alone is weaker
 * in cross-validation but errs on other posts, so the mix beats both (Arabic, 5-fold CV on XLM-T
 * train: layer 0.7628, BERT alone 0.7395, half and half 0.7672). {@code train} keeps it only where
 * that CV gain exceeds 0.001, with the weight CV chose. It costs one 768-number dot product per
 * class on posts that already ran BERT.
 *
 * @param layer the classifier over BERT's features only (any other feature is ignored)
 * @param weight the head's share of the mix, in (0, 1]
 */
public record EncoderHead(LinearClassifier<String, String> layer, double weight)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Weights tried, smallest first (ties keep the smaller); 0 is the layer alone. */
  static final double[] WEIGHTS = {0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0};

  public EncoderHead {
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
    }
  }

  /**
   * The layer's probabilities (before the odds correction) mixed with the head's; a new counter.
   */
  public Counter<String> mix(Counter<String> layerProbabilities, Counter<String> features) {
    Counter<String> head = layer.probabilityOf(new RVFDatum<>(features));
    Counter<String> mixed = new ClassicCounter<>();
    for (String label : layerProbabilities.keySet()) {
      mixed.setCount(
          label, (1 - weight) * layerProbabilities.getCount(label) + weight * head.getCount(label));
    }
    return mixed;
  }

  /** The same mix of out-of-fold P(negative) arrays. */
  static double[] mix(double[] layer, double[] head, double weight) {
    double[] p = new double[layer.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (1 - weight) * layer[i] + weight * head[i];
    }
    return p;
  }

  /**
   * @param weight the chosen weight; 0 when no mix beat the layer alone by more than 0.001
   * @param negativeOdds the odds multiplier chosen for the mix
   * @param macroF1 out-of-fold neg-vs-rest macro-F1 of the mix (of the layer alone when weight 0)
   * @param layerMacroF1 the layer alone, with its own odds
   * @param headMacroF1 BERT's layer alone, with its own odds
   * @param outOfFold the chosen mix's out-of-fold P(negative), before its odds
   */
  public record Choice(
      double weight,
      double negativeOdds,
      double macroF1,
      double layerMacroF1,
      double headMacroF1,
      double[] outOfFold) {
    /** {@link #outOfFold} after the chosen odds correction. */
    double[] adjustedOutOfFold() {
      return CrossValidatedDecision.adjust(outOfFold, negativeOdds);
    }

    @Override
    public String toString() {
      return weight == 0
          ? String.format(
              Locale.ROOT,
              "multilingual encoder's own layer not mixed in (CV %.4f; alone %.4f, best mix not"
                  + " better by 0.001)",
              layerMacroF1,
              headMacroF1)
          : String.format(
              Locale.ROOT,
              "multilingual encoder's own layer mixed in at weight %s, negative odds x%s (CV %.4f;"
                  + " layer alone %.4f, the encoder's layer alone %.4f)",
              weight,
              negativeOdds,
              macroF1,
              layerMacroF1,
              headMacroF1);
    }
  }

  /**
   * @param gold whether each post is negative
   * @param layer the layer's out-of-fold P(negative), before its odds
   * @param layerOdds the layer's chosen odds multiplier (kept when the head is not mixed in)
   * @param head BERT's layer's out-of-fold P(negative) on the same folds, before any odds
   * @param threshold the detractor threshold
   */
  public static Choice choose(
      boolean[] gold, double[] layer, double layerOdds, double[] head, double threshold) {
    double layerF1 = CrossValidatedDecision.macroF1(gold, layer, layerOdds, threshold);
    double headF1 = CrossValidatedDecision.bestOdds(gold, head, threshold)[1];
    Choice best = new Choice(0, layerOdds, layerF1, layerF1, headF1, layer);
    for (double w : WEIGHTS) {
      double[] mixed = mix(layer, head, w);
      double[] odds = CrossValidatedDecision.bestOdds(gold, mixed, threshold);
      if (odds[1] > best.macroF1() + 1e-3) {
        best = new Choice(w, odds[0], odds[1], layerF1, headF1, mixed);
      }
    }
    return best;
  }
}
