package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Chooses a language layer's regularisation and its negative decision rule by k-fold
 * cross-validation on that layer's own training posts (never on evaluation files).
 *
 * <p>Why: one σ and one threshold for every language leave each language at a different point of
 * its precision/recall trade-off (Italian and Hindi under-call negatives, Arabic over-calls). The
 * rule is a class-prior style correction: P(negative) is rescaled in odds space, {@code odds' =
 * odds × m}, and compared with the usual detractor threshold. The multiplier m that maximises the
 * negative-vs-rest macro-F1 of the out-of-fold predictions is stored in the model, so the reported
 * probability stays a probability and {@code sentiment.detractorThreshold} keeps its meaning.
 */
public final class CrossValidatedDecision {
  /** Folds of the cross-validation; 5 keeps every held-out fold at ~370 posts per language. */
  public static final int FOLDS = 5;

  /** Odds multipliers tried: e^(k/10) for k = -10..15, i.e. about 0.37 to 4.5. */
  private static final int MIN_STEP = -10;

  private static final int MAX_STEP = 15;

  /** Steps ordered by distance from 0, so that ties keep the multiplier nearest 1. */
  private static final int[] STEPS_NEAREST_FIRST =
      IntStream.rangeClosed(MIN_STEP, MAX_STEP)
          .boxed()
          .sorted(
              java.util.Comparator.comparingInt((Integer k) -> Math.abs(k)).thenComparing(k -> k))
          .mapToInt(Integer::intValue)
          .toArray();

  /**
   * @param sigma the chosen regularisation
   * @param negativeOdds the chosen odds multiplier for P(negative)
   * @param macroF1 cross-validated neg-vs-rest macro-F1 of the chosen setting
   * @param defaultMacroF1 the same for the default σ without correction (for the training log)
   * @param outOfFold every post's P(negative) from a layer with the chosen σ trained on the other
   *     folds, before the odds correction
   */
  public record Choice(
      double sigma,
      double negativeOdds,
      double macroF1,
      double defaultMacroF1,
      double[] outOfFold) {
    /** {@link #outOfFold} after the chosen odds correction. */
    double[] adjustedOutOfFold() {
      return adjust(outOfFold, negativeOdds);
    }
  }

  private CrossValidatedDecision() {}

  /** P(negative) after the odds correction. */
  public static double adjust(double negative, double oddsMultiplier) {
    if (oddsMultiplier == 1.0) {
      return negative;
    }
    double scaled = negative * oddsMultiplier;
    return scaled / (scaled + (1 - negative));
  }

  /**
   * @param fit trains a layer on the given posts and features with σ
   * @param sigmas the σ values to try; the first is the default
   * @param threshold the detractor threshold the rule is chosen for
   */
  public static Choice choose(
      List<LabelledPost> posts,
      List<Counter<String>> features,
      BiFunction<List<Integer>, Double, LinearClassifier<String, String>> fit,
      double[] sigmas,
      double threshold) {
    boolean[] gold = gold(posts);
    int[] fold = folds(posts);
    Choice best = null;
    double defaultF1 = Double.NaN;
    for (double sigma : sigmas) {
      double[] outOfFold = outOfFold(features, fold, sigma, fit);
      if (Double.isNaN(defaultF1)) {
        defaultF1 = macroF1(gold, outOfFold, 1.0, threshold);
      }
      for (double m : oddsMultipliers()) {
        double f1 = macroF1(gold, outOfFold, m, threshold);
        // Ties (within 0.001) keep the simpler setting: default σ first, multiplier nearest 1.
        if (best == null || f1 > best.macroF1() + 1e-3) {
          best = new Choice(sigma, m, f1, defaultF1, outOfFold);
        }
      }
    }
    return new Choice(
        best.sigma(), best.negativeOdds(), best.macroF1(), defaultF1, best.outOfFold());
  }

  /** Each P(negative) after the odds correction. */
  static double[] adjust(double[] negative, double oddsMultiplier) {
    double[] out = new double[negative.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = adjust(negative[i], oddsMultiplier);
    }
    return out;
  }

  /** The odds multipliers tried, nearest 1 first, so that ties keep the smaller correction. */
  static double[] oddsMultipliers() {
    return IntStream.of(STEPS_NEAREST_FIRST)
        .mapToDouble(k -> k == 0 ? 1.0 : Math.round(Math.exp(k / 10.0) * 1000) / 1000.0)
        .toArray();
  }

  /** Whether each post is negative (complaints count as negative). */
  static boolean[] gold(List<LabelledPost> posts) {
    boolean[] gold = new boolean[posts.size()];
    for (int i = 0; i < gold.length; i++) {
      gold[i] = posts.get(i).isNegative();
    }
    return gold;
  }

  /** Fold numbers by text fingerprint: independent of file order, stable across runs. */
  static int[] folds(List<LabelledPost> posts) {
    return folds(posts, FOLDS);
  }

  /** The same with {@code k} folds. */
  static int[] folds(List<LabelledPost> posts, int k) {
    int[] fold = new int[posts.size()];
    for (int i = 0; i < posts.size(); i++) {
      fold[i] = (int) Math.floorMod(TextFingerprint.of(posts.get(i).text()), (long) k);
    }
    return fold;
  }

  /** P(negative) of every post from a layer trained on the other folds. */
  static double[] outOfFold(
      List<Counter<String>> features,
      int[] fold,
      double sigma,
      BiFunction<List<Integer>, Double, LinearClassifier<String, String>> fit) {
    double[] p = new double[features.size()];
    List<double[]> perFold =
        IntStream.range(0, FOLDS)
            .parallel()
            .mapToObj(
                f -> {
                  List<Integer> train = new ArrayList<>();
                  for (int i = 0; i < fold.length; i++) {
                    if (fold[i] != f) {
                      train.add(i);
                    }
                  }
                  LinearClassifier<String, String> c = fit.apply(train, sigma);
                  double[] out = new double[fold.length];
                  for (int i = 0; i < fold.length; i++) {
                    if (fold[i] == f) {
                      out[i] =
                          c.probabilityOf(new RVFDatum<>(features.get(i)))
                              .getCount(LabelledPost.NEGATIVE);
                    }
                  }
                  return out;
                })
            .toList();
    for (int i = 0; i < p.length; i++) {
      p[i] = perFold.get(fold[i])[i];
    }
    return p;
  }

  /**
   * Neg-vs-rest macro-F1 of a fitted layer's P(negative) at {@code threshold} on the given posts
   * (held out from its training) and their features, in the same order.
   */
  static double heldOutMacroF1(
      LinearClassifier<String, String> layer,
      List<LabelledPost> posts,
      List<Counter<String>> features,
      double threshold) {
    boolean[] gold = gold(posts);
    double[] negative = new double[posts.size()];
    for (int i = 0; i < posts.size(); i++) {
      negative[i] =
          layer.probabilityOf(new RVFDatum<>(features.get(i))).getCount(LabelledPost.NEGATIVE);
    }
    return macroF1(gold, negative, 1.0, threshold);
  }

  static double macroF1(boolean[] gold, double[] negative, double odds, double threshold) {
    boolean[] predicted = new boolean[gold.length];
    for (int i = 0; i < gold.length; i++) {
      predicted[i] = adjust(negative[i], odds) >= threshold;
    }
    return macroF1(gold, predicted);
  }

  /** Negative-vs-rest macro-F1: the mean of both classes' F1. */
  static double macroF1(boolean[] gold, boolean[] predicted) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (int i = 0; i < gold.length; i++) {
      if (predicted[i] && gold[i]) {
        tp++;
      } else if (predicted[i]) {
        fp++;
      } else if (gold[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
  }

  private static double f1(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
