package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import java.io.Serializable;
import java.util.Locale;

/**
 * When an n-gram layer runs its costly encoder (multilingual BERT, 5-7 times the rest of the layer
 * per post): only for posts that the same layer trained without that encoder scores near the
 * detractor threshold. A post whose P(negative) from the first layer is further than {@code band}
 * from the threshold is decided by that layer alone.
 *
 * <p>Why: most posts are clear either way, and for them the encoder rarely changes the flag. The
 * band is chosen from the layer's own k-fold cross-validation: the narrowest band that sends on at
 * least 95% of the posts whose flag the encoder changes (out of fold). Why not "the narrowest band
 * whose cross-validated macro-F1 is within 0.001 of the full layer's": where CV credits the encoder
 * with a small gain (Arabic: 0.003 on its training posts, 0.029 on XLM-T val/test), almost any band
 * passes, and the held-out gain was lost (Arabic 0.721 → 0.693 with 6% of posts sent on).
 *
 * @param firstLayer the layer without the costly encoder's features (what the earlier steps of
 *     {@code train} chose)
 * @param negativeOdds the first layer's own odds multiplier for P(negative)
 * @param band how far from the threshold P(negative) may lie and still run the encoder
 * @param share the share of the layer's training posts that ran it in cross-validation
 */
public record EncoderEscalation(
    LinearClassifier<String, String> firstLayer, double negativeOdds, double band, double share)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Bands tried, narrowest first; 1 sends every post on (|P - threshold| is always below 1). */
  private static final double[] BANDS = {
    0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.0
  };

  /** True if a post with this first-layer P(negative), after its odds, needs the full layer. */
  public boolean escalates(double adjustedNegative, double threshold) {
    return Math.abs(adjustedNegative - threshold) < band;
  }

  /** The share of the posts whose flag the encoder changes that the band must send on. */
  static final double MIN_CAPTURE = 0.95;

  /**
   * @param band the chosen band
   * @param share the share of posts within it
   * @param changed the share of posts whose flag the encoder changes
   * @param captured the share of those within the band
   * @param macroF1 out-of-fold neg-vs-rest macro-F1 with it
   * @param fullMacroF1 the same with the encoder on every post
   */
  public record Choice(
      double band,
      double share,
      double changed,
      double captured,
      double macroF1,
      double fullMacroF1) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "multilingual encoder only within %.3f of the threshold (%.0f%% of posts, %.0f%% of the"
              + " %.1f%% whose flag it changes; CV %.4f, on every post %.4f)",
          band,
          share * 100,
          captured * 100,
          changed * 100,
          macroF1,
          fullMacroF1);
    }
  }

  /**
   * @param gold whether each post is negative
   * @param first each post's out-of-fold P(negative) from the first layer, after its odds
   * @param full the same from the layer with the encoder, after its odds
   * @param threshold the detractor threshold
   */
  public static Choice choose(boolean[] gold, double[] first, double[] full, double threshold) {
    int changed = 0;
    for (int i = 0; i < gold.length; i++) {
      changed += (first[i] >= threshold) != (full[i] >= threshold) ? 1 : 0;
    }
    double fullF1 = CrossValidatedDecision.macroF1(gold, full, 1.0, threshold);
    for (double band : BANDS) {
      boolean[] predicted = new boolean[gold.length];
      int escalated = 0;
      int captured = 0;
      for (int i = 0; i < gold.length; i++) {
        boolean on = Math.abs(first[i] - threshold) < band;
        boolean changes = (first[i] >= threshold) != (full[i] >= threshold);
        escalated += on ? 1 : 0;
        captured += on && changes ? 1 : 0;
        predicted[i] = (on ? full[i] : first[i]) >= threshold;
      }
      double capture = changed == 0 ? 1 : captured / (double) changed;
      if (capture >= MIN_CAPTURE) {
        return new Choice(
            band,
            escalated / (double) gold.length,
            changed / (double) gold.length,
            capture,
            CrossValidatedDecision.macroF1(gold, predicted),
            fullF1);
      }
    }
    throw new AssertionError("a band of 1 sends every post on");
  }
}
