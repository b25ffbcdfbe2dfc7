package org.complaintdesk.sentiment;

import org.complaintdesk.sentiment.model.DetractorModel;
import org.complaintdesk.sentiment.model.ModelTrainer;
import org.complaintdesk.testing.SharedScorer;

/**
 * Trains one small model on {@link TrainingSample} over the components {@link SharedScorer} loads
 * once per test JVM (CoreNLP's sentiment model, lexicons, Lingua). Tests that need a scorer with a
 * model they can reason about share these.
 */
public final class SentimentFixture {
  /** Small data: keep every feature and train a layer from a handful of posts. */
  public static final ModelTrainer.TrainingOptions SMALL_DATA =
      new ModelTrainer.TrainingOptions(1.0, 1.0, 1, 3);

  private static DetractorModel model;

  private SentimentFixture() {}

  public static SentimentComponents components() {
    return SharedScorer.components();
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
