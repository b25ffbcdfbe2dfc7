package org.complaintdesk.sentiment.eval;

import java.util.List;
import org.complaintdesk.sentiment.english.ParsedSentimentScorer;
import org.complaintdesk.sentiment.english.ScoredSentence;

/**
 * The plain CoreNLP baseline of the evaluation README: the default pipeline (tokenize, ssplit, PCFG
 * parse, sentiment) on the raw post, which is negative if any sentence is negative, else positive
 * if any sentence is positive, else neutral.
 */
public final class PlainCoreNlpBaseline {
  private final ParsedSentimentScorer pipeline = new ParsedSentimentScorer();

  public String label(String text) {
    List<ScoredSentence> sentences = pipeline.score(text);
    boolean positive = false;
    for (ScoredSentence s : sentences) {
      double[] d = s.rootDistribution();
      int cls = 0;
      for (int i = 1; i < 5; i++) {
        cls = d[i] > d[cls] ? i : cls;
      }
      if (cls <= 1) {
        return "negative";
      }
      positive |= cls >= 3;
    }
    return positive ? "positive" : "neutral";
  }
}
