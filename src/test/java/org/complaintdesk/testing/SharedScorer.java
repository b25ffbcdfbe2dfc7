package org.complaintdesk.testing;

import org.complaintdesk.sentiment.SentimentConfiguration;
import org.complaintdesk.sentiment.SentimentFeature;
import org.complaintdesk.sentiment.SentimentScorer;

/** Loads the sentiment models once per test JVM; every test that needs real scoring shares it. */
public final class SharedScorer {
  private static volatile SentimentScorer scorer;

  private SharedScorer() {}

  public static SentimentScorer get() {
    if (scorer == null) {
      synchronized (SharedScorer.class) {
        if (scorer == null) {
          scorer = SentimentFeature.buildScorer(new SentimentConfiguration());
        }
      }
    }
    return scorer;
  }
}
