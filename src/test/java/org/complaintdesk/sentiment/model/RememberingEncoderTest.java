package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code train} reads each post through a costly encoder once, however many layers ask. */
class RememberingEncoderTest {
  @Test
  void readsEachTextOnceAndGivesTheSameVectorsBack() {
    LabelKnowingEncoder encoder = new LabelKnowingEncoder("stand-in");
    encoder.knowGerman(1, LabelledPost.NEGATIVE, "schrecklich");
    RememberingEncoder remembering = new RememberingEncoder(encoder);

    float[][] first = remembering.encodeAll(List.of("schrecklich", "heute", "schrecklich"));
    float[][] again = remembering.encodeAll(List.of("heute", "schrecklich", "morgen"));

    // Three different texts in all: the encoder read each once.
    assertThat(encoder.calls().get()).isEqualTo(3);
    assertThat(again[1]).isEqualTo(first[0]).isEqualTo(encoder.encode("schrecklich"));
    assertThat(first[2]).isEqualTo(first[0]);
    assertThat(remembering.encode("morgen")).isEqualTo(again[2]);
    assertThat(encoder.calls().get()).isEqualTo(4); // the direct check above
    assertThat(remembering.name()).isEqualTo("stand-in");
    assertThat(RememberingEncoder.of(null)).isNull();
  }
}
