package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.sentiment.SentimentFixture;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.TrainingSample;
import org.complaintdesk.sentiment.labels.CorrectedPost;
import org.complaintdesk.sentiment.labels.CorrectionsSource;
import org.junit.jupiter.api.Test;

/** A responder's correction, fed to the next training run, changes what the model says. */
class CorrectionRetrainTest {
  // Brand slang the public data cannot know: at this installation "mid" means disappointing.
  private static final String POST = "the new lounge is mid tbh";

  @Test
  void aCorrectionChangesTheNextTrainedModelsOutputOnThatPost() {
    var components = SentimentFixture.components();
    SentimentResult before = components.scorer(SentimentFixture.model(), 0.5, 5000).score(POST);
    assertThat(before.label()).isNotEqualTo("negative");

    List<LabelledPost> data = new ArrayList<>(TrainingSample.posts());
    data.addAll(
        CorrectionsSource.asTraining(
            List.of(new CorrectedPost(42, "negative", "en", POST)),
            CorrectionsSource.DEFAULT_WEIGHT));
    DetractorModel retrained =
        components
            .trainer(SentimentFixture.SMALL_DATA)
            .train(data, List.of("test sample", "1 correction"), "retrained");

    SentimentResult after = components.scorer(retrained, 0.5, 5000).score(POST);
    assertThat(after.label()).isEqualTo("negative");
    assertThat(after.detractorProbability()).isGreaterThan(before.detractorProbability());
    assertThat(retrained.trainedOn(POST)).isTrue();
  }
}
