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
  void anEightBitChangeGivesBackTheTunedWeightToWithinHalfAStepOfItsRow() {
    float[] published = {0.8f, -1.3f, 0.05f, 2.2f, 0.1f, 0.2f};
    // Two rows of three: the second row's changes are a hundred times smaller, and keep their
    // precision because each row has its own scale.
    float[] tuned = {0.8127f, -1.2951f, 0.0387f, 2.20011f, 0.09996f, 0.2f};
    TunedLayers.Int8Change change = TunedLayers.Int8Change.of(tuned, published, 3);
    assertThat(change.scales()).hasSize(2);
    TunedLayers t = int8Layers(Map.of("9.output.w", change));
    float[] back = t.apply("9.output.w", published);
    for (int i = 0; i < tuned.length; i++) {
      float step = change.scales()[i / 3];
      assertThat(back[i]).isCloseTo(tuned[i], within(step / 2 + 1e-6f));
    }
    assertThat(back[3]).isNotEqualTo(published[3]);
    assertThat(back[5]).isEqualTo(published[5]);
    assertThat(t.tunedNames()).containsExactly("9.output.w");
    assertThat(t.changes()).isEmpty();
  }

  @Test
  void anEightBitChangeOfRowsThatDoNotDivideTheWeightIsRefused() {
    assertThatThrownBy(() -> TunedLayers.Int8Change.of(new float[5], new float[5], 2))
        .isInstanceOf(IllegalArgumentException.class);
    TunedLayers t =
        int8Layers(Map.of("9.output.w", TunedLayers.Int8Change.of(new float[4], new float[4], 2)));
    assertThatThrownBy(() -> t.apply("9.output.w", new float[6]))
        .isInstanceOf(IllegalStateException.class);
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

  @Test
  void theNetworkEndsAfterTheLastLayerThatChanged() {
    short[] none = new short[1];
    assertThat(layers(Map.of("11.query.w", none, "11.norm2.beta", none)).end()).isEqualTo(12);
    TunedLayers.Int8Change change = TunedLayers.Int8Change.of(new float[1], new float[1], 1);
    assertThat(int8Layers(Map.of("9.query.w", change, "10.output.b", change)).end()).isEqualTo(11);
    assertThat(int8Layers(Map.of("9.query.w", change)).end())
        .as("one layer tuned: the layers above it are not run")
        .isEqualTo(10);
  }

  private static TunedLayers int8Layers(Map<String, TunedLayers.Int8Change> changes) {
    return new TunedLayers(
        E5Weights.NAME,
        9,
        null,
        new float[3],
        new float[3],
        List.of("negative", "neutral", "positive"),
        128,
        "test",
        changes);
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
        "test",
        Map.of());
  }
}
