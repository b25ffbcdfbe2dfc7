package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TunedLayersTest {
  @Test
  void aStoredChangeGivesBackTheTunedWeightToWithinAFractionOfTheChange() {
    float[] published = {0.8f, -1.3f, 0.05f, 2.2f};
    float[] tuned = {0.8013f, -1.2951f, 0.0487f, 2.2f};
    TunedLayers t = layers(Map.of("3.query.w", TunedLayers.change(tuned, published)));
    float[] back = t.apply("3.query.w", published);
    for (int i = 0; i < tuned.length; i++) {
      // bfloat16 keeps 8 bits of the change: within 1/256 of it.
      float change = Math.abs(tuned[i] - published[i]);
      assertThat(back[i]).isCloseTo(tuned[i], within(change / 256 + 1e-6f));
    }
  }

  @Test
  void aWeightWithoutAChangeStaysAsPublished() {
    float[] published = {1f, 2f};
    assertThat(layers(Map.of()).apply("0.key.w", published)).isSameAs(published);
  }

  @Test
  void aChangeOfTheWrongSizeIsRefused() {
    TunedLayers t = layers(Map.of("3.query.w", new short[3]));
    assertThatThrownBy(() -> t.apply("3.query.w", new float[4]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void bfloat16RoundsToTheNearestValue() {
    assertThat(TunedLayers.fromBfloat16(TunedLayers.toBfloat16(1.0f))).isEqualTo(1.0f);
    // 1 + 2^-8 lies between bfloat16's 1 and 1 + 2^-7; it is a tie and goes to the even one.
    assertThat(TunedLayers.fromBfloat16(TunedLayers.toBfloat16(1f + 1f / 256))).isEqualTo(1f);
    assertThat(TunedLayers.fromBfloat16(TunedLayers.toBfloat16(1f + 3f / 512)))
        .isEqualTo(1f + 1f / 128);
    assertThat(TunedLayers.fromBfloat16(TunedLayers.toBfloat16(-0.3f)))
        .isCloseTo(-0.3f, within(0.3f / 128));
  }

  private static TunedLayers layers(Map<String, short[]> changes) {
    return new TunedLayers(
        E5Weights.NAME,
        11,
        changes,
        new float[3],
        new float[3],
        List.of("negative", "neutral", "positive"),
        128,
        "test");
  }
}
