package org.complaintdesk.testing;

import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentConfiguration;
import org.complaintdesk.sentiment.SentimentFeature;
import org.complaintdesk.sentiment.SentimentScorer;

/**
 * Loads the sentiment components (CoreNLP's sentiment model, lexicons, Lingua) and the shipped
 * model once per test JVM. Every test that needs real scoring, language detection or the components
 * to train a model shares these: loading them takes seconds and hundreds of MB, and each copy used
 * to be loaded again by a test of its own.
 */
public final class SharedScorer {
  private static volatile SentimentComponents components;
  private static volatile SentimentScorer scorer;

  private SharedScorer() {}

  public static SentimentComponents components() {
    if (components == null) {
      synchronized (SharedScorer.class) {
        if (components == null) {
          components = SentimentComponents.load();
        }
      }
    }
    return components;
  }

  /** The production scorer: shared components, the shipped model, default settings. */
  public static SentimentScorer get() {
    if (scorer == null) {
      synchronized (SharedScorer.class) {
        if (scorer == null) {
          var config = new SentimentConfiguration();
          scorer =
              components()
                  .scorer(
                      SentimentFeature.loadModel(config),
                      config.detractorThreshold,
                      config.maxTextChars);
        }
      }
    }
    return scorer;
  }
}
