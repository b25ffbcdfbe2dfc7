package org.complaintdesk.sentiment;

import org.complaintdesk.sentiment.model.DetractorModel;
import org.complaintdesk.sentiment.model.ModelTrainer;

/**
 * Loads CoreNLP's sentiment model, the lexicons and Lingua once per test JVM (a few seconds), and
 * trains one small model on {@link TrainingSample}. Tests that need a scorer share these.
 */
public final class SentimentFixture {
  /** Small data: keep every feature and train a layer from a handful of posts. */
  public static final ModelTrainer.TrainingOptions SMALL_DATA =
      new ModelTrainer.TrainingOptions(1.0, 1.0, 1, 3);

  private static SentimentComponents components;
  private static DetractorModel model;

  private SentimentFixture() {}

  public static synchronized SentimentComponents components() {
    if (components == null) {
      components = SentimentComponents.load();
    }
    return components;
  }

  public static synchronized DetractorModel model() {
    if (model == null) {
      model =
          components()
              .trainer(SMALL_DATA)
              .train(TrainingSample.posts(), java.util.List.of("test sample"), "test");
    }
    return model;
  }

  public static SentimentScorer scorer() {
    return components().scorer(model(), 0.5, 5000);
  }
}
