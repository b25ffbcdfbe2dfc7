package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.complaintdesk.testing.FixedToneNetwork;
import org.junit.jupiter.api.Test;

class LazyNetworkTest {
  @Test
  void opensTheNetworkOnTheFirstPostOnlyAndOnce() {
    AtomicInteger opened = new AtomicInteger();
    SentimentNetwork fixed = FixedToneNetwork.of("fixed", 0.7, 0.2, 0.1);
    LazyNetwork lazy =
        new LazyNetwork(
            "mbertt",
            fixed.labels(),
            () -> {
              opened.incrementAndGet();
              return fixed;
            });

    assertThat(lazy.name()).isEqualTo("mbertt");
    assertThat(lazy.labels()).containsExactly("negative", "neutral", "positive");
    assertThat(opened).as("name and classes are known before it opens").hasValue(0);
    assertThat(lazy.probabilities("a")).containsExactly(0.7, 0.2, 0.1);
    assertThat(lazy.probabilities("b")).containsExactly(0.7, 0.2, 0.1);
    assertThat(opened).hasValue(1);
  }
}
