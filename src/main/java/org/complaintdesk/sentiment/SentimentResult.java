package org.complaintdesk.sentiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the sentiment component concluded about one text, and why.
 *
 * @param status scored, unscored (nothing to score: empty, emoji only, too long), unsupported (a
 *     language we have no model for) or failed (the analyser threw)
 * @param label negative, neutral or positive; null unless scored
 * @param score mean sentiment in [-1, 1]
 * @param detractorProbability probability that the author is an angry detractor
 * @param detractor the decision: probability at or above the configured threshold
 * @param complaint the post reads as a customer complaint (refund, cancelled, still waiting, fix
 *     it...) with at least a moderate detractor probability; a case for a responder even when the
 *     tone is calm
 * @param confidence how sure the model is of the label, in [0, 1]
 * @param evidence the phrases and cues that drove the decision, in the original wording
 */
public record SentimentResult(
    String status,
    String label,
    double score,
    double detractorProbability,
    boolean detractor,
    boolean complaint,
    double confidence,
    String language,
    List<SentenceSentiment> sentences,
    List<Evidence> evidence,
    String model,
    String error) {

  public static final String SCORED = "scored";
  public static final String UNSCORED = "unscored";
  public static final String UNSUPPORTED = "unsupported";
  public static final String FAILED = "failed";

  public SentimentResult {
    sentences = sentences == null ? List.of() : List.copyOf(sentences);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** A result without the complaint flag (code written before it existed): not a complaint. */
  public SentimentResult(
      String status,
      String label,
      double score,
      double detractorProbability,
      boolean detractor,
      double confidence,
      String language,
      List<SentenceSentiment> sentences,
      List<Evidence> evidence,
      String model,
      String error) {
    this(
        status,
        label,
        score,
        detractorProbability,
        detractor,
        false,
        confidence,
        language,
        sentences,
        evidence,
        model,
        error);
  }

  public static SentimentResult notScored(
      String status, String language, String model, String why) {
    return new SentimentResult(
        status, null, 0, 0, false, false, 0, language, List.of(), List.of(), model, why);
  }

  /** One sentence's verdict. */
  public record SentenceSentiment(
      String text, String label, double negativeProbability, double positiveProbability) {}

  /**
   * A phrase or cue that pushed the decision, quoted as the author wrote it.
   *
   * @param kind what it is: negative phrase (from CoreNLP's sentiment tree), complaint cue, lexicon
   *     word, emoji, shouting, elongation, learned word (weighed by the trained layer), overall
   *     tone of the post (the sentence encoder; shown only when no phrase explains the label);
   *     ending in {@value #WEAK_SUFFIX} when its push is below the bar for evidence and it is shown
   *     only because nothing stronger points the same way
   * @param weight how strongly and which way it pushed: below zero towards negative, above zero
   *     towards positive
   */
  public record Evidence(String text, String kind, double weight) {
    /**
     * The start of the kind of an item about the whole post rather than a phrase (the sentence
     * encoder's share of the decision); its text is the whole post.
     */
    public static final String WHOLE_POST = "overall tone of the post";

    /**
     * The end of the kind of an item below the bar for evidence: shown only when no stronger item
     * explains the decision, so that a flag decided by many small weights still names its biggest
     * parts instead of arriving with no reason at all.
     */
    public static final String WEAK_SUFFIX = " (weak)";

    /** True for an item ending in {@link #WEAK_SUFFIX}. */
    @JsonIgnore
    public boolean weak() {
      return kind != null && kind.endsWith(WEAK_SUFFIX);
    }

    /** True for a {@link #WHOLE_POST} item. */
    @JsonIgnore
    public boolean wholePost() {
      return kind != null && kind.startsWith(WHOLE_POST);
    }
  }
}
