package org.complaintdesk.sentiment;

/** Scores one text. Implementations are thread-safe and loaded once. */
public interface SentimentAnalyzer {
  SentimentResult analyze(String text);

  /**
   * The analyser for judging the tone of our own reply drafts: the same, minus any layer that asks
   * whether a customer's post needs an answer (a reply never is a complaint). Most have none.
   */
  default SentimentAnalyzer forTone() {
    return this;
  }
}
