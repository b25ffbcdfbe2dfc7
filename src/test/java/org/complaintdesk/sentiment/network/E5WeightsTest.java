package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.complaintdesk.sentiment.english.E5SentenceEncoder;
import org.complaintdesk.testing.SharedScorer;
import org.complaintdesk.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published top layers, rebuilt on PyTorch from the ONNX file and run on ONNX Runtime's layer 6
 * or 8, must compute what ONNX Runtime computes from the same file: otherwise fine-tuning would
 * start from a different network. ONNX Runtime quantizes each layer's input to 8 bits on the fly,
 * so the two agree to a cosine near 1, not bit for bit.
 */
class E5WeightsTest {
  private static final E5SentenceEncoder ENCODER =
      (E5SentenceEncoder) SharedScorer.components().encoder();

  @ParameterizedTest
  @ValueSource(ints = {6, 8})
  void thePublishedTopLayersOnPyTorchGiveTheVectorsOnnxRuntimeGives(int lower) {
    BertLayers.pytorch(1);
    try (NDManager manager = NDManager.newBaseManager()) {
      BertLayers layers =
          new BertLayers(
              E5Weights.SHAPE,
              NetworkWeights.create(
                  manager, TunedNetwork.layers(E5Weights.load(), lower, E5Weights.SHAPE.layers())));
      for (String post :
          List.of(
              "@NimbusAir my flight got cancelled AGAIN 😡 #neveragain",
              "thanks for the quick refund!",
              "Is the store open on Sunday?")) {
        float[][] states = ENCODER.states(post, lower);
        float[] flat = TunedNetwork.flatten(states);
        NDArray mask = manager.ones(new Shape(1, states.length));
        NDArray x = manager.create(flat, new Shape(1, states.length, 384));
        x = layers.layers(lower, 12, x, BertLayers.attentionBias(mask), 0);
        float[] ours = BertLayers.meanPool(x, mask).toFloatArray();
        assertThat(Vectors.cosine(ours, ENCODER.encode(post))).as(post).isGreaterThan(0.99);
      }
    }
  }

  @Test
  void layersSixAndEightHaveOneVectorPerWordPieceOfThePost() {
    for (int lower : new int[] {6, 8}) {
      float[][] states = ENCODER.states("thanks for the quick refund!", lower);
      // [CLS] query : thanks for the quick refund ! [SEP], "refund" being two word pieces
      assertThat(states).hasNumberOfRows(11);
      assertThat(states[0]).hasSize(384);
    }
    assertThat(ENCODER.states("thanks", 6)[1]).isNotEqualTo(ENCODER.states("thanks", 8)[1]);
  }

  @Test
  void offersOnlyTheLayersItHandsOut() {
    assertThat(ENCODER.offers(6)).isTrue();
    assertThat(ENCODER.offers(8)).isTrue();
    assertThat(ENCODER.offers(10)).isFalse();
    // what train --tone-layers accepts: the layers above each output handed out
    assertThat(E5SentenceEncoder.tunableLayerCounts()).containsExactly(4, 6);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENCODER.states("thanks", 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theNetworkReadsTheRunTheEncoderMadeForTheSamePost() {
    String post = "the courier left my parcel in the rain";
    ENCODER.encode(post);
    float[][] first = ENCODER.states(post, 6);
    // The same run: the encoder's features and the network share one ONNX Runtime pass per post.
    assertThat(ENCODER.states(post, 6)).isSameAs(first);
    ENCODER.encode("another post in between");
    assertThat(ENCODER.states(post, 6)).isNotSameAs(first).isDeepEqualTo(first);
  }

  @Test
  void theWeightsHaveTheShapesOfTheNetwork() {
    var weights = E5Weights.load();
    assertThat(weights.get("0.intermediate.w").shape()).containsExactly(384, 1536);
    assertThat(weights.get("11.output.w").shape()).containsExactly(1536, 384);
    assertThat(weights.get("11.norm2.gamma").shape()).containsExactly(384);
    assertThat(weights).hasSize(12 * 16);
  }
}
