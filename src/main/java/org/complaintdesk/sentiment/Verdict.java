package org.complaintdesk.sentiment;

import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.complaintdesk.sentiment.model.LabelledPost;

/**
 * Turns a trained layer's class probabilities into the product's two decisions, the same way for
 * every language:
 *
 * <ul>
 *   <li>the <b>label</b> (what marketers chart): negative when P(negative) reaches the threshold or
 *       the post is a flagged complaint, otherwise the likelier of neutral and positive;
 *   <li>the <b>detractor flag</b> (what opens a case): the detractor probability reaches the
 *       threshold. Complaint evidence counts in every language, so a calm "still waiting for my
 *       refund" is flagged although P(negative) is low: English mixes in its complaint layer's
 *       P(complaint) ({@link org.complaintdesk.sentiment.model.DetractorMix}); the other languages
 *       combine P(negative) with their complaint cues ({@link #CUE_COMPLAINT_WEIGHT}). An angry
 *       remark about the weather can be labelled negative without a flag.
 * </ul>
 *
 * Evidence explains the flag when it is set, otherwise the label; it is ranked by weight and
 * overlapping quotes are dropped.
 */
public final class Verdict {
  static final int MAX_EVIDENCE = 6;

  /** Weak items are a last resort: the biggest few parts, not a list of every small one. */
  static final int MAX_WEAK = 3;

  /**
   * A complaint cue in a post the layer calls positive makes a complaint only with at least this
   * much P(negative): "thanks for the quick refund" is not one. English without a complaint layer
   * (the tone check of replies) asks it of every cue.
   */
  public static final double COMPLAINT_MIN_PROBABILITY = 0.3;

  /**
   * How much a cue-found complaint adds to P(negative) in the languages without a complaint layer:
   * detractor = 1 − (1 − P(negative)) × (1 − this), the noisy-or of two independent signs. At the
   * default threshold (0.4) every such complaint is a detractor, as a calm English complaint is
   * through its complaint layer, and an angrier complaint still ranks above a calmer one. Without
   * it a calm Arabic complaint opened a case with a lower priority than the same complaint in
   * English, and was charted neutral. Set equal to the default threshold, not tuned.
   */
  static final double CUE_COMPLAINT_WEIGHT = 0.4;

  private Verdict() {}

  /**
   * A 3-class layer's probabilities, for the languages without a complaint layer. A complaint cue
   * makes a complaint unless the label is positive and P(negative) low: brand complaints are often
   * calm ("three days without internet, nobody answers"), and a layer trained on general tweets
   * calls them neutral. Two different cues make a complaint whatever the label: "no internet for
   * three days, nobody answers" is one even where the layer misreads it as positive. A complaint
   * raises the detractor probability ({@link #CUE_COMPLAINT_WEIGHT}) and opens a case
   * (CaseService), so missing one costs an unanswered customer, a false one a dismissed case.
   *
   * @param complaintCues how many complaint cues the post has
   */
  public static SentimentResult of(
      Counter<String> probabilities,
      double threshold,
      int complaintCues,
      String language,
      List<SentimentResult.SentenceSentiment> sentences,
      List<SentimentResult.Evidence> evidence,
      String model) {
    double neg = probabilities.getCount(LabelledPost.NEGATIVE);
    double neutral = probabilities.getCount(LabelledPost.NEUTRAL);
    double positive = probabilities.getCount(LabelledPost.POSITIVE);
    boolean labelledPositive =
        tone(neg, neutral, positive, threshold).equals(LabelledPost.POSITIVE);
    boolean complaint =
        complaintCues >= 2
            || complaintCues == 1 && (!labelledPositive || neg >= COMPLAINT_MIN_PROBABILITY);
    double detractor = complaint ? 1 - (1 - neg) * (1 - CUE_COMPLAINT_WEIGHT) : neg;
    return of(
        detractor, neg, neutral, positive, threshold, complaint, language, sentences, evidence,
        model);
  }

  /**
   * @param detractor the detractor probability (for English with a complaint layer, a mix of
   *     P(negative) and P(complaint))
   * @param negative P(negative) of the sentiment layer, which decides the label
   */
  public static SentimentResult of(
      double detractor,
      double negative,
      double neutral,
      double positive,
      double threshold,
      boolean complaint,
      String language,
      List<SentimentResult.SentenceSentiment> sentences,
      List<SentimentResult.Evidence> evidence,
      String model) {
    boolean isDetractor = detractor >= threshold;
    // A flagged complaint reports a bad experience with the brand, however calmly: that is
    // negative sentiment to the marketer who charts it and to whoever labels brand posts.
    boolean flaggedComplaint = isDetractor && complaint && negative < threshold;
    boolean isNegative = negative >= threshold || flaggedComplaint;
    String label =
        flaggedComplaint ? LabelledPost.NEGATIVE : tone(negative, neutral, positive, threshold);
    double confidence =
        flaggedComplaint
            ? detractor
            : isNegative
                ? negative
                : Math.max(positive, neutral) / (positive + neutral + 1e-9) * (1 - negative);
    return new SentimentResult(
        SentimentResult.SCORED,
        label,
        round(positive - negative),
        round(detractor),
        isDetractor,
        complaint,
        round(confidence),
        language,
        sentences,
        strongest(evidence, isDetractor ? LabelledPost.NEGATIVE : label),
        model,
        null);
  }

  /** The sentiment layer's own label: negative from the threshold, else the likelier other. */
  private static String tone(double negative, double neutral, double positive, double threshold) {
    return negative >= threshold
        ? LabelledPost.NEGATIVE
        : positive >= neutral ? LabelledPost.POSITIVE : LabelledPost.NEUTRAL;
  }

  /**
   * The evidence that points the way of the label (negative cues for a negative post, positive ones
   * for a positive post; neutral posts show whatever weighed most), strongest first, no overlaps.
   * Whole-post items ({@link SentimentResult.Evidence#WHOLE_POST}, the sentence encoder's share)
   * quote everything, so they would hide every phrase: one is shown only when no phrase agrees.
   * Weak items ({@link SentimentResult.Evidence#WEAK_SUFFIX}) are shown, at most {@value
   * #MAX_WEAK}, only when nothing else agrees with a negative or positive label: a flag decided by
   * many small weights then names its biggest parts, so a responder can see what the layer reacted
   * to (often a topic, not a brand).
   */
  static List<SentimentResult.Evidence> strongest(
      List<SentimentResult.Evidence> all, String label) {
    List<SentimentResult.Evidence> plain = all.stream().filter(e -> !e.weak()).toList();
    List<SentimentResult.Evidence> chosen = phrasesAndWholePost(plain, label, MAX_EVIDENCE);
    return chosen.isEmpty() && !label.equals(LabelledPost.NEUTRAL)
        ? phrasesAndWholePost(all.stream().filter(e -> e.weak()).toList(), label, MAX_WEAK)
        : chosen;
  }

  private static List<SentimentResult.Evidence> phrasesAndWholePost(
      List<SentimentResult.Evidence> all, String label, int max) {
    List<SentimentResult.Evidence> chosen = new ArrayList<>();
    strongestFirst(all, label)
        .filter(e -> !e.wholePost())
        .forEach(
            e -> {
              String t = e.text().toLowerCase();
              boolean overlaps =
                  chosen.stream()
                      .map(c -> c.text().toLowerCase())
                      .anyMatch(c -> c.contains(t) || t.contains(c));
              if (!overlaps && chosen.size() < max && !t.isBlank()) {
                chosen.add(e);
              }
            });
    if (chosen.isEmpty()) {
      strongestFirst(all, label).filter(e -> e.wholePost()).findFirst().ifPresent(chosen::add);
    }
    return chosen;
  }

  private static Stream<SentimentResult.Evidence> strongestFirst(
      List<SentimentResult.Evidence> all, String label) {
    return all.stream()
        .filter(e -> agrees(e, label))
        .sorted(
            Comparator.comparingDouble((SentimentResult.Evidence e) -> Math.abs(e.weight()))
                .reversed()
                .thenComparingInt(e -> e.text().length()));
  }

  /** Evidence weights are signed: below zero pushes towards negative, above towards positive. */
  private static boolean agrees(SentimentResult.Evidence e, String label) {
    return switch (label) {
      case LabelledPost.NEGATIVE -> e.weight() < 0;
      case LabelledPost.POSITIVE -> e.weight() > 0;
      default -> true;
    };
  }

  public static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
