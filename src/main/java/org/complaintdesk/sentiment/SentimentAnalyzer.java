package org.complaintdesk.sentiment;

/** Scores one text. Implementations are thread-safe and loaded once. */
public interface SentimentAnalyzer {
  SentimentResult analyze(String text);
}
