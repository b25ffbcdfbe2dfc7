package org.complaintdesk.replies;

import com.google.common.base.Suppliers;
import java.util.List;
import java.util.function.Supplier;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentScorer;

/**
 * Scores a draft reply with the sentiment component before it goes out: rudeness loses customers. A
 * draft at or above the threshold gets a warning the UI shows; sending it anyway needs an explicit
 * confirm.
 */
public class ToneCheck {
  /** The part of the sentiment component the tone check needs; tests fake it. */
  @FunctionalInterface
  public interface DraftScorer {
    Score score(String text);
  }

  /** How negative the draft reads, and the phrases that made it so. */
  public record Score(
      String status, double detractorProbability, String label, List<String> evidence) {}

  public record Result(
      boolean rude,
      double detractorProbability,
      String label,
      String warning,
      List<String> evidence) {}

  private final DraftScorer scorer;
  private final double threshold;

  public ToneCheck(DraftScorer scorer, double threshold) {
    this.scorer = scorer;
    this.threshold = threshold;
  }

  /** The app's sentiment scorer, in its tone variant ({@link SentimentScorer#forTone}). */
  public static DraftScorer fromSentiment(SentimentScorer scorer) {
    return fromSentiment(() -> scorer);
  }

  /** As above, with the scorer loaded on first use. */
  public static DraftScorer fromSentiment(Supplier<SentimentScorer> scorer) {
    Supplier<SentimentScorer> tone = Suppliers.memoize(() -> scorer.get().forTone());
    return text -> {
      SentimentResult r = tone.get().score(text);
      return new Score(
          r.status(),
          r.detractorProbability(),
          r.label(),
          r.evidence() == null
              ? List.of()
              : r.evidence().stream().map(SentimentResult.Evidence::text).toList());
    };
  }

  public Result check(String text) {
    Score s = scorer.score(text);
    if (!SentimentResult.SCORED.equals(s.status())) {
      // Unsupported language or nothing to score: say so instead of pretending it is polite.
      return new Result(
          false,
          s.detractorProbability(),
          s.label(),
          "tone not checked (" + s.status() + ")",
          List.of());
    }
    boolean rude = s.detractorProbability() >= threshold;
    return new Result(
        rude,
        s.detractorProbability(),
        s.label(),
        rude
            ? "this reply reads as " + s.label() + "; rephrase it, or confirm to send it anyway"
            : null,
        s.evidence());
  }
}
