package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.complaintdesk.testing.FixedToneNetwork;
import org.junit.jupiter.api.Test;

class AveragedNetworksTest {
  private static final List<String> LABELS = List.of("negative", "neutral", "positive");

  @Test
  void givesTheMeanOfItsMembersProbabilities() {
    SentimentNetwork mean =
        AveragedNetworks.of(
            List.of(fixed("a", LABELS, 0.7, 0.2, 0.1), fixed("a", LABELS, 0.1, 0.2, 0.7)));
    double[] p = mean.probabilities("late again");
    assertThat(p[0]).isCloseTo(0.4, within(1e-12));
    assertThat(p[1]).isCloseTo(0.2, within(1e-12));
    assertThat(p[2]).isCloseTo(0.4, within(1e-12));
    assertThat(mean.labels()).isEqualTo(LABELS);
    assertThat(mean.name()).isEqualTo("ax2");
  }

  @Test
  void oneMemberIsItself() {
    SentimentNetwork one = fixed("a", LABELS, 0.5, 0.3, 0.2);
    assertThat(AveragedNetworks.of(List.of(one))).isSameAs(one);
  }

  @Test
  void refusesNoMembersAndMembersWithOtherClasses() {
    assertThatThrownBy(() -> AveragedNetworks.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                AveragedNetworks.of(
                    List.of(
                        fixed("a", LABELS, 0.5, 0.3, 0.2),
                        fixed("a", List.of("positive", "neutral", "negative"), 0.5, 0.3, 0.2))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SentimentNetwork fixed(String name, List<String> labels, double... p) {
    return new FixedToneNetwork(name, labels, p);
  }
}
