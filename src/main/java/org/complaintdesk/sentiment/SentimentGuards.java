package org.complaintdesk.sentiment;

/** Texts no model should be asked about. */
final class SentimentGuards {
  private SentimentGuards() {}

  /** Why a text cannot be scored, or null if it can. */
  static String whyNotScorable(String text, int maxChars) {
    if (text == null || text.isBlank()) {
      return "empty text";
    }
    if (text.length() > maxChars) {
      return "text longer than " + maxChars + " characters";
    }
    return null;
  }
}
