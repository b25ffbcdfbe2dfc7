package org.complaintdesk.sentiment;

import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.sentiment.labels.LabelService;
import org.complaintdesk.sentiment.labels.LabelsResource;
import org.complaintdesk.sentiment.model.DetractorModel;
import org.jdbi.v3.core.Jdbi;

public final class SentimentFeature {
  private SentimentFeature() {}

  /**
   * Builds the scorer: language detection, then the English CoreNLP-based classifier or the
   * language's own model. Loads the models once.
   */
  public static SentimentScorer buildScorer(SentimentConfiguration config) {
    return SentimentComponents.load()
        .scorer(loadModel(config), config.detractorThreshold, config.maxTextChars);
  }

  /** The configured model file if it exists, else the default model shipped in the jar. */
  public static DetractorModel loadModel(SentimentConfiguration config) {
    if (config.modelFile != null && !config.modelFile.isBlank()) {
      Path file = Path.of(config.modelFile);
      if (Files.exists(file)) {
        try {
          return DetractorModel.load(file);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read sentiment model " + file, e);
        }
      }
    }
    DetractorModel bundled = DetractorModel.bundled();
    if (bundled == null) {
      throw new IllegalStateException(
          "no sentiment model: run `train` (see docs/model-card.md) or set sentiment.modelFile");
    }
    return bundled;
  }

  /** Starts scoring (if enabled); {@code listener} hears about every scored mention. */
  public static SentimentService register(
      Environment environment,
      Jdbi jdbi,
      ComplaintDeskConfiguration config,
      MentionService mentions,
      java.util.function.Supplier<SentimentScorer> scorer,
      ScoredMentionListener listener,
      AuditLog audit,
      java.time.Clock clock) {
    var service = new SentimentService(jdbi, mentions, environment.getObjectMapper(), clock);
    var worker =
        new SentimentWorker(mentions, service, scorer, config.getSentiment().effectiveWorkers());
    worker.addListener(listener);
    if (config.getSentiment().enabled) {
      environment.lifecycle().manage(worker);
    }
    environment.healthChecks().register("sentiment", new SentimentHealthCheck(mentions));
    environment
        .jersey()
        .register(new LabelsResource(new LabelService(jdbi, mentions, clock), audit));
    return service;
  }
}
