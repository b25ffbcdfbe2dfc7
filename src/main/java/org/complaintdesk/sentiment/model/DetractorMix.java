package org.complaintdesk.sentiment.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How English turns its two layers into one detractor probability: P(negative) from the sentiment
 * layer and P(complaint) from the complaint layer, as a weighted mean or their maximum.
 *
 * <p>Why a choice at all: "still waiting for my refund" is a calm complaint, "this weather is
 * awful" an angry non-complaint, and one threshold has to catch both kinds of unhappy customer.
 * {@code train} picks the rule ({@link #choose}) that maximises the smaller of two out-of-fold
 * figures on the training data only: negative-vs-rest macro-F1 on the sentiment posts and
 * complaint-vs-not macro-F1 on the complaint posts, each layer scoring the other layer's posts
 * after training on all of its own.
 *
 * <p>Why the smaller and not the mean: a rule must serve both kinds of unhappy customer, and the
 * quality targets are floors on each kind's figure. With the tone network in P(negative), the mean
 * chose 0.5 x P(negative) + 0.5 x P(complaint), which bought +0.02 on the complaint posts with a
 * loss on the sentiment posts, and on TweetEval's validation tweets the flag fell from 0.768 to
 * 0.756 (docs/model-card.md, 2026-12-07).
 *
 * @param maximum the larger of the two probabilities (then {@code sentimentShare} is unused)
 * @param sentimentShare weight of P(negative) in the mean; the rest is P(complaint)
 */
public record DetractorMix(boolean maximum, double sentimentShare) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The fixed rule of models written before the mix was chosen by cross-validation. */
  public static final DetractorMix LEGACY = new DetractorMix(false, 0.4);

  /** The detractor probability; P(negative) alone when there is no complaint layer. */
  public double of(double negative, Double complaint) {
    if (complaint == null) {
      return negative;
    }
    return maximum
        ? Math.max(negative, complaint)
        : sentimentShare * negative + (1 - sentimentShare) * complaint;
  }

  @Override
  public String toString() {
    return maximum
        ? "max(P(negative), P(complaint))"
        : String.format(
            Locale.ROOT,
            "%.1f x P(negative) + %.1f x P(complaint)",
            sentimentShare,
            1 - sentimentShare);
  }

  /**
   * Out-of-fold (or other-layer) probabilities of one labelled set.
   *
   * @param negative P(negative) from the sentiment layer
   * @param complaint P(complaint) from the complaint layer
   * @param gold true where the post is negative (sentiment set) or a complaint (complaint set)
   */
  public record Scored(double[] negative, double[] complaint, boolean[] gold) {}

  /**
   * The chosen rule with the figures it reached, for the training log and the model card.
   *
   * @param legacyScore {@link #score} of the 0.4/0.6 rule
   * @param figures every rule tried with its two figures
   */
  public record Choice(
      DetractorMix mix,
      double sentimentF1,
      double complaintF1,
      double legacyScore,
      String figures) {
    /** The smaller of the two figures: what the rule is chosen to maximise. */
    public double score() {
      return Math.min(sentimentF1, complaintF1);
    }
  }

  /** The rules tried: the legacy one first (ties keep it), then means 0.0..1.0 and the maximum. */
  static List<DetractorMix> candidates() {
    List<DetractorMix> out = new ArrayList<>();
    out.add(LEGACY);
    for (int k = 0; k <= 10; k++) {
      if (k != 4) {
        out.add(new DetractorMix(false, k / 10.0));
      }
    }
    out.add(new DetractorMix(true, 0));
    return out;
  }

  public static Choice choose(Scored sentiment, Scored complaints, double threshold) {
    Choice best = null;
    double legacy = Double.NaN;
    List<String> figures = new ArrayList<>();
    for (DetractorMix mix : candidates()) {
      double s = mix.macroF1(sentiment, threshold);
      double c = mix.macroF1(complaints, threshold);
      figures.add(String.format(Locale.ROOT, "%s %.4f/%.4f", mix.shortName(), s, c));
      if (Double.isNaN(legacy)) {
        legacy = Math.min(s, c);
      }
      if (best == null || Math.min(s, c) > best.score() + 1e-3) {
        best = new Choice(mix, s, c, legacy, null);
      }
    }
    return new Choice(
        best.mix(), best.sentimentF1(), best.complaintF1(), legacy, String.join(", ", figures));
  }

  /** "max" or the share of P(negative), for the table of figures. */
  private String shortName() {
    return maximum ? "max" : String.format(Locale.ROOT, "%.1f", sentimentShare);
  }

  double macroF1(Scored set, double threshold) {
    boolean[] predicted = new boolean[set.gold().length];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] = of(set.negative()[i], set.complaint()[i]) >= threshold;
    }
    return CrossValidatedDecision.macroF1(set.gold(), predicted);
  }
}
