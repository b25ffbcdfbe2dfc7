package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.complaintdesk.sentiment.SentimentFixture;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.TrainingSample;
import org.complaintdesk.sentiment.network.ToneNetworkTrainer;
import org.junit.jupiter.api.Test;

/**
 * With the tone network, {@code train} chooses the network's share and the English detractor rule
 * on P(negative) averaged with the network's out-of-fold probabilities, and says so in the model's
 * record.
 */
class ToneNetworkMixTest {
  /** Cross-validation from 8 posts, so the small sample's English and complaint sets qualify. */
  private static final ModelTrainer.TrainingOptions OPTIONS =
      new ModelTrainer.TrainingOptions(
          1.0,
          1.0,
          1,
          3,
          8,
          0.4,
          new ToneNetworkTrainer.Options(4, 4, 1e-3f, 8, 0f, 0f, 7, 2, 1, false),
          null);

  @Test
  void trainChoosesTheDetractorRuleWithTheNetwork() {
    DetractorModel model =
        SentimentFixture.components()
            .trainer(OPTIONS)
            .train(english(), List.of("test sample"), "t");
    assertThat(model.englishNetwork()).isNotNull();
    assertChosenWithTheNetwork(model);
  }

  @Test
  void anEnsembleOfTwoNetworksIsChosenWithAndScoresWithTheirMean() {
    ModelTrainer.TrainingOptions two =
        OPTIONS.withToneNetwork(OPTIONS.toneNetwork().withNetworks(2));
    DetractorModel model =
        SentimentFixture.components()
            .trainer(two)
            .withToneNetwork(SentimentFixture.model(), english(), List.of("test sample"), "t3");
    assertThat(model.englishNetworks()).hasSize(2);
    assertThat(model.englishNetworks().get(1)).isSameAs(model.moreEnglishNetworks().get(0));
    assertThat(model.trainedOn().stream().filter(d -> d.startsWith("en: tone network en: ")))
        .hasSize(2);
    assertChosenWithTheNetwork(model);
    SentimentResult result =
        SentimentFixture.components()
            .analyzers(model, 0.4)
            .get("en")
            .analyze("still waiting for my refund, third week now");
    assertThat(result.model()).contains("+e5tx2-t3");
  }

  @Test
  void addingTheNetworkToAModelChoosesTheRuleAgainAndKeepsItsLayers() {
    DetractorModel base = SentimentFixture.model();
    DetractorModel model =
        SentimentFixture.components()
            .trainer(OPTIONS)
            .withToneNetwork(base, english(), List.of("test sample"), "t2");
    assertThat(model.english()).isSameAs(base.english());
    assertThat(model.complaint()).isSameAs(base.complaint());
    assertThat(model.ngram()).isSameAs(base.ngram());
    // The n-gram languages keep their own odds corrections.
    base.ngram()
        .keySet()
        .forEach(lang -> assertThat(model.negativeOdds(lang)).isEqualTo(base.negativeOdds(lang)));
    assertThat(model.version()).isEqualTo("t2");
    assertThat(model.trainedOn()).containsAll(base.trainedOn());
    assertChosenWithTheNetwork(model);
  }

  /** The sample's English posts: the other languages' layers would only cost time here. */
  private static List<LabelledPost> english() {
    return TrainingSample.posts().stream().filter(p -> "en".equals(p.language())).toList();
  }

  private static void assertChosenWithTheNetwork(DetractorModel model) {
    List<String> decisions =
        model.trainedOn().stream().filter(d -> d.startsWith("en: tone network share ")).toList();
    assertThat(decisions).hasSize(1);
    assertThat(decisions.get(0))
        .startsWith(
            String.format(
                java.util.Locale.ROOT,
                "en: tone network share %.1f, detractor = %s by CV",
                model.toneNetworkShare(),
                model.detractorMix()))
        .contains("best rule per share: 0.5: ");
    assertThat(model.networkShare()).isNotNull();
    // The English odds correction is chosen with the share and the rule, and kept in the model.
    assertThat(decisions.get(0))
        .contains(
            String.format(
                java.util.Locale.ROOT, "by CV (P(negative) odds x%s;", model.negativeOdds("en")));
    assertThat(model.negativeOdds()).containsKey("en");
  }
}
