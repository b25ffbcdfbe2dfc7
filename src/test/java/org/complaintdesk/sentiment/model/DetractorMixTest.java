package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class DetractorMixTest {
  private static final double[] ZEROS = {0, 0, 0, 0};

  /** Four posts whose first two are the unhappy ones (negative, or a complaint). */
  private static DetractorMix.Scored firstTwoUnhappy(double[] negative, double[] complaint) {
    return new DetractorMix.Scored(negative, complaint, new boolean[] {true, true, false, false});
  }

  @Test
  void aMeanWeighsTheTwoLayersAndTheMaximumTakesTheLarger() {
    assertThat(DetractorMix.LEGACY.of(1.0, 0.0)).isCloseTo(0.4, offset(1e-12));
    assertThat(new DetractorMix(false, 0.7).of(0.5, 1.0)).isCloseTo(0.65, offset(1e-12));
    assertThat(new DetractorMix(true, 0).of(0.2, 0.9)).isEqualTo(0.9);
    assertThat(new DetractorMix(true, 0).of(0.8, 0.1)).isEqualTo(0.8);
  }

  @Test
  void withoutAComplaintLayerTheDetractorProbabilityIsPNegative() {
    assertThat(DetractorMix.LEGACY.of(0.3, null)).isEqualTo(0.3);
    assertThat(new DetractorMix(true, 0).of(0.3, null)).isEqualTo(0.3);
  }

  @Test
  void choosesTheMaximumWhenEachLayerAloneCatchesItsOwnKindOfUnhappyPost() {
    // Sentiment set: negatives have P(negative) 0.7 but P(complaint) 0; complaint set: complaints
    // have P(complaint) 0.7 but P(negative) 0. At 0.4 a mean flags one kind or the other (it would
    // need a share of P(negative) >= 0.58 for the first and <= 0.43 for the second); the maximum
    // flags both.
    DetractorMix.Scored sentiment = firstTwoUnhappy(new double[] {0.7, 0.7, 0.1, 0.1}, ZEROS);
    DetractorMix.Scored complaints = firstTwoUnhappy(ZEROS, new double[] {0.7, 0.7, 0.1, 0.1});
    DetractorMix.Choice c = DetractorMix.choose(sentiment, complaints, 0.4);
    assertThat(c.mix()).isEqualTo(new DetractorMix(true, 0));
    assertThat(c.sentimentF1()).isEqualTo(1.0);
    assertThat(c.complaintF1()).isEqualTo(1.0);
    assertThat(c.legacyScore()).isLessThan(1.0);
  }

  @Test
  void choosesTheRuleWhoseWorseFigureIsBestNotTheBestMean() {
    // P(complaint) alone (share 0.0) separates the sentiment posts perfectly but gets 0.5 on the
    // complaint posts (mean 0.75); 0.4/0.6 gets 0.733 on both, and nothing does better on both.
    DetractorMix.Scored sentiment =
        firstTwoUnhappy(new double[] {1, 0.2, 0.5, 1}, new double[] {1, 1, 0, 0.2});
    DetractorMix.Scored complaints =
        firstTwoUnhappy(new double[] {1, 0.5, 0.5, 0}, new double[] {0, 0.8, 0.8, 0});
    DetractorMix complaintOnly = new DetractorMix(false, 0.0);
    assertThat(complaintOnly.macroF1(sentiment, 0.4)).isEqualTo(1.0);
    assertThat(complaintOnly.macroF1(complaints, 0.4)).isEqualTo(0.5);
    DetractorMix.Choice c = DetractorMix.choose(sentiment, complaints, 0.4);
    assertThat(c.mix()).isEqualTo(DetractorMix.LEGACY);
    assertThat(c.score()).isCloseTo(0.7333, offset(1e-4));
    assertThat(c.figures()).contains("0.0 1.0000/0.5000").contains("max ");
  }

  @Test
  void keepsTheLegacyRuleWhenNothingBeatsIt() {
    // Both layers agree perfectly: every rule separates the posts, so ties keep 0.4/0.6.
    DetractorMix.Scored same =
        firstTwoUnhappy(new double[] {1, 1, 0, 0}, new double[] {1, 1, 0, 0});
    DetractorMix.Choice c = DetractorMix.choose(same, same, 0.4);
    assertThat(c.mix()).isEqualTo(DetractorMix.LEGACY);
    assertThat(c.score()).isEqualTo(1.0);
  }

  @Test
  void anOldModelWithoutAChosenRuleUsesTheLegacyOne() {
    DetractorModel old =
        new DetractorModel(
            null,
            null,
            java.util.Map.of(),
            null,
            new long[0],
            java.util.List.of(),
            "old",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(old.toneNetworkShare()).isEqualTo(0.5);
    assertThat(old.multilingualNetworkShare()).isEqualTo(0.5);
    assertThat(old.detractorMix()).isEqualTo(DetractorMix.LEGACY);
  }
}
