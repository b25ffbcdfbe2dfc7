package org.complaintdesk.sentiment.model;

import java.util.Locale;

/**
 * A post with its gold label, from a TSV file or a responder's correction.
 *
 * @param label negative, neutral or positive ("complaint" is read as negative, "not_complaint" as
 *     not negative)
 * @param language ISO 639-1 code from the file, or null when the file has none
 * @param weight how many times the post counts in training (corrections count more)
 * @param task {@link #SENTIMENT} (3-class files), {@link #COMPLAINT} (complaint / not_complaint
 *     files) or {@link #CORRECTION}, which train different layers
 * @param source where the post comes from (the file name for TSV files), so {@code train} can hold
 *     out one source at a time; null when unknown
 */
public record LabelledPost(
    String id, String label, String language, String text, int weight, String task, String source) {
  public LabelledPost(
      String id, String label, String language, String text, int weight, String task) {
    this(id, label, language, text, weight, task, null);
  }

  public static final String SENTIMENT = "sentiment";
  public static final String COMPLAINT = "complaint";

  /**
   * A responder's correction: trains the sentiment layer and, when negative (a complaint) or
   * positive (not one), the complaint layer; a neutral correction is about tone only.
   */
  public static final String CORRECTION = "correction";

  public static final String NEGATIVE = "negative";
  public static final String NEUTRAL = "neutral";
  public static final String POSITIVE = "positive";

  /** negative / neutral / positive, or "not_negative" for two-class files. */
  public static String canonicalLabel(String raw) {
    String l = raw.trim().toLowerCase(Locale.ROOT);
    return switch (l) {
      case "complaint", "negative", "neg" -> NEGATIVE;
      case "not_complaint" -> "not_negative";
      case "neutral", "neu" -> NEUTRAL;
      case "positive", "pos" -> POSITIVE;
      default -> throw new IllegalArgumentException("unknown label '" + raw + "'");
    };
  }

  public boolean isNegative() {
    return NEGATIVE.equals(label);
  }

  public boolean isComplaintTask() {
    return COMPLAINT.equals(task);
  }
}
