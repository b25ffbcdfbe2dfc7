package org.complaintdesk.sentiment;

import io.dropwizard.core.setup.Environment;
import java.util.Map;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.ingest.MentionService;
import org.jdbi.v3.core.Jdbi;

public final class SentimentFeature {
  private SentimentFeature() {}

  /** Builds the scorer: language detection, then CoreNLP for English. Loads the models once. */
  public static SentimentScorer buildScorer(SentimentConfiguration config) {
    return new SentimentScorer(
        new LinguaLanguageDetector(),
        Map.of("en", new CoreNlpSentimentAnalyzer(config.detractorThreshold, config.maxTextChars)));
  }

  /** Starts scoring (if enabled); {@code listener} hears about every scored mention. */
  public static SentimentService register(
      Environment environment,
      Jdbi jdbi,
      ComplaintDeskConfiguration config,
      MentionService mentions,
      SentimentScorer scorer,
      ScoredMentionListener listener,
      java.time.Clock clock) {
    var service = new SentimentService(jdbi, mentions, environment.getObjectMapper(), clock);
    var worker =
        new SentimentWorker(mentions, service, scorer, config.getSentiment().effectiveWorkers());
    worker.addListener(listener);
    if (config.getSentiment().enabled) {
      environment.lifecycle().manage(worker);
    }
    environment.healthChecks().register("sentiment", new SentimentHealthCheck(mentions));
    return service;
  }
}
