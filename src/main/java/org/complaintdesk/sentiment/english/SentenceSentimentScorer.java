package org.complaintdesk.sentiment.english;

import java.util.List;

/** Runs CoreNLP's sentiment model over the sentences of a prepared text. Thread-safe. */
public interface SentenceSentimentScorer {
  List<ScoredSentence> score(String preparedText);

  /** A short name for reports and the model field of results. */
  String name();
}
