package org.complaintdesk.alerts;

import java.time.Instant;
import java.util.List;

/**
 * A fired spike alert as stored and shown on the dashboard.
 *
 * @param kind volume or negativity
 * @param network null when detected across all networks
 * @param observed the current hour's volume (volume) or share of negative or flagged posts
 *     (negativity)
 * @param expected the baseline: median hourly volume, or the pooled negative share
 * @param score robust z-score (volume) or proportion z-score (negativity)
 * @param delivery per channel: "sent" or "failed: reason"
 */
public record Alert(
    long id,
    String kind,
    long keywordId,
    String keyword,
    String network,
    Instant bucketStart,
    Instant firedAt,
    double observed,
    double expected,
    double score,
    long volume,
    String message,
    List<Post> posts,
    List<String> phrases,
    java.util.Map<String, String> delivery) {

  /** A post driving the alert. */
  public record Post(long mentionId, String network, String author, String text, String url) {}
}
