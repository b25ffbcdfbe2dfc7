package org.complaintdesk.sentiment.english;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.model.DetractorModel;
import org.complaintdesk.sentiment.network.SentimentNetwork;
import org.complaintdesk.testing.FixedToneNetwork;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;

/**
 * The English analyser with a tone network: the network's probabilities are averaged with the
 * sentiment layer's. A stand-in network with fixed answers shows what each part contributes.
 */
class EnglishToneNetworkTest {
  private static final String PRAISE = "Thank you so much, the crew were wonderful!";

  private final SentimentComponents components = SharedScorer.components();
  private final DetractorModel model = DetractorModel.bundled();

  @Test
  void theNetworksProbabilitiesAreAveragedWithTheLayers() {
    SentimentResult alone = analyzer(null).analyze(PRAISE);
    SentimentResult angryNetwork = analyzer(fixed(0.9, 0.05, 0.05)).analyze(PRAISE);
    // The layer calls the praise positive; a network sure it is negative pulls P(negative) halfway.
    assertThat(alone.label()).isEqualTo("positive");
    assertThat(angryNetwork.score()).isCloseTo((alone.score() + (0.05 - 0.9)) / 2, within(0.011));
    assertThat(angryNetwork.model()).contains("+e5t-");
  }

  @Test
  void theModelsShareWeighsTheNetworkAgainstTheLayer() {
    SentimentResult alone = analyzer(null).analyze(PRAISE);
    SentimentResult mostlyNetwork = analyzer(fixed(0.9, 0.05, 0.05), 0.8).analyze(PRAISE);
    assertThat(mostlyNetwork.score())
        .isCloseTo(0.2 * alone.score() + 0.8 * (0.05 - 0.9), within(0.011));
    assertThat(mostlyNetwork.label()).isEqualTo("negative");
  }

  @Test
  void theNetworksLeanIsShownAsAWholePostItem() {
    SentimentResult result = analyzer(fixed(0.9, 0.05, 0.05)).analyze(PRAISE);
    // P(negative) about 0.46: labelled negative, the evidence explains that label.
    assertThat(result.label()).isEqualTo("negative");
    assertThat(result.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).contains("fine-tuned network");
              assertThat(e.text()).isEqualTo(PRAISE);
              assertThat(e.weight()).isCloseTo(-0.85, within(0.001));
            });
  }

  @Test
  void aNetworkThatAgreesLeavesTheDecisionAsItWas() {
    String angry = "@NimbusAir you lost my bag AGAIN, worst airline ever 😡";
    SentimentResult alone = analyzer(null).analyze(angry);
    SentimentResult agreeing = analyzer(fixed(0.95, 0.03, 0.02)).analyze(angry);
    assertThat(alone.detractor()).isTrue();
    assertThat(agreeing.detractor()).isTrue();
    assertThat(agreeing.label()).isEqualTo("negative");
  }

  @Test
  void theToneOfAReplyIsTheLayersAloneWithoutTheNetwork() {
    String apology = "I'm so sorry your flight was cancelled, I've rebooked you on the 6pm flight.";
    SentimentResult replyTone = analyzer(fixed(0.99, 0.005, 0.005)).forTone().analyze(apology);
    assertThat(replyTone.model()).doesNotContain("e5t");
    assertThat(replyTone.score()).isEqualTo(analyzer(null).forTone().analyze(apology).score());
  }

  @Test
  void theOddsCorrectionRaisesTheAveragedNegativeProbability() {
    // The network alone decides (share 1): P(negative) 0.3 is under the threshold; with odds x2
    // it is 0.6 / (0.6 + 0.7) = 0.46, over it, and the label follows.
    SentimentNetwork unsure = fixed(0.3, 0.4, 0.3);
    SentimentResult plain = analyzer(unsure, 1.0, 1.0).analyze(PRAISE);
    SentimentResult corrected = analyzer(unsure, 1.0, 2.0).analyze(PRAISE);
    assertThat(plain.score()).isCloseTo(0.0, within(0.001));
    assertThat(plain.label()).isEqualTo("neutral");
    assertThat(corrected.score()).isCloseTo(0.3 - 0.6 / 1.3, within(0.001));
    assertThat(corrected.label()).isEqualTo("negative");
  }

  @Test
  void theToneOfAReplyHasNoOddsCorrection() {
    String apology = "I'm so sorry your flight was cancelled, I've rebooked you on the 6pm flight.";
    assertThat(analyzer(null, 0.5, 3.0).forTone().analyze(apology).score())
        .isEqualTo(analyzer(null).forTone().analyze(apology).score());
  }

  private EnglishDetractorAnalyzer analyzer(SentimentNetwork network) {
    return analyzer(network, SentimentNetwork.DEFAULT_SHARE);
  }

  private EnglishDetractorAnalyzer analyzer(SentimentNetwork network, double share) {
    return analyzer(network, share, 1.0);
  }

  private EnglishDetractorAnalyzer analyzer(
      SentimentNetwork network, double share, double negativeOdds) {
    return new EnglishDetractorAnalyzer(
        components.english(),
        model.english(),
        model.complaint(),
        model.detractorMix(),
        network,
        share,
        negativeOdds,
        0.4,
        "test");
  }

  private static SentimentNetwork fixed(double negative, double neutral, double positive) {
    return FixedToneNetwork.of("e5t", negative, neutral, positive);
  }
}
