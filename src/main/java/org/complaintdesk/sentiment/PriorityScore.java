package org.complaintdesk.sentiment;

import java.time.Duration;

/**
 * The priority of a case, 0–100, as a sum of visible parts so a responder can see why one case is
 * above another:
 *
 * <pre>
 *   detractor  up to 50  detractor probability × 50
 *   reach      up to 20  log10(1 + followers) / 6 × 20   (1M followers and more = 20)
 *   complaint  up to 15  15 if the post reads as a complaint (refund, cancelled, still waiting...)
 *   waiting    up to 15  minutes waiting / 240 × 15      (4 hours and more = 15)
 * </pre>
 *
 * Anger weighs most because it is what the product is for; reach and waiting break ties between
 * similarly angry posts, so a loud customer does not starve a quiet one for long: after four hours
 * a quiet complaint (0.7 × 50 + 15 + 15 = 65) outranks a fresh angry post from an account with 1M
 * followers (0.7 × 50 + 20 = 55).
 */
public final class PriorityScore {
  public static final double DETRACTOR_POINTS = 50;
  public static final double REACH_POINTS = 20;
  public static final double COMPLAINT_POINTS = 15;
  public static final double WAITING_POINTS = 15;

  /** log10 of the follower count that earns all reach points. */
  static final double FULL_REACH_LOG10 = 6;

  /** Waiting this long or longer earns all waiting points. */
  public static final Duration FULL_WAIT = Duration.ofHours(4);

  private PriorityScore() {}

  /** The parts and their sum, each rounded to one decimal. */
  public record Parts(
      double detractor, double reach, double complaint, double waiting, double total) {}

  /**
   * @param followers the author's followers; null (unknown) counts as none
   * @param waiting time since the customer posted; negative (clock skew) counts as zero
   */
  public static Parts of(
      double detractorProbability, Long followers, boolean complaint, Duration waiting) {
    double d = clamp(detractorProbability) * DETRACTOR_POINTS;
    long f = followers == null ? 0 : Math.max(0, followers);
    double r = Math.min(1, Math.log10(1 + f) / FULL_REACH_LOG10) * REACH_POINTS;
    double c = complaint ? COMPLAINT_POINTS : 0;
    double w = waitingPoints(waiting);
    return new Parts(round(d), round(r), round(c), round(w), round(d + r + c + w));
  }

  /**
   * The waiting part alone, unrounded: it grows with time, so cases store the other parts and add
   * this one when the queue is read ({@code CaseDao} computes the same in SQL).
   */
  public static double waitingPoints(Duration waiting) {
    double waitedMs = waiting == null ? 0 : Math.max(0, waiting.toMillis());
    return Math.min(1, waitedMs / FULL_WAIT.toMillis()) * WAITING_POINTS;
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
  }

  public static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
