package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.complaintdesk.sentiment.multilingual.MultilingualBertEncoder;
import org.complaintdesk.testing.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multilingual BERT's top layers rebuilt on PyTorch from the SavedModel's variables, run on
 * TensorFlow's layer 8, must compute TensorFlow's layer 12: what a network tuned for the n-gram
 * languages would start from (docs/benchmarks.md, "Scratch check: multilingual BERT's ninth layer
 * tuned"). BERT's TensorFlow code uses tanh's approximation of GELU and {@link BertLayers} the
 * exact one, so the two agree to a cosine near 1, not bit for bit.
 */
class MultilingualBertLayersTest {
  private static final List<String> POSTS =
      List.of(
          "الخدمة سيئة جدا ولم يرد أحد على شكواي",
          "Il pacco non è mai arrivato, che schifo",
          "bahut bura service hai, koi jawab nahi");
  private static MultilingualBertEncoder bert;

  @BeforeAll
  static void open() {
    bert = MultilingualBertEncoder.load();
  }

  @AfterAll
  static void close() {
    bert.close();
  }

  @Test
  void thePublishedTopLayersOnPyTorchGiveTheTokenVectorsTensorFlowGives() {
    TunedE5Network.Engines.pytorch(1);
    try (NDManager manager = NDManager.newBaseManager()) {
      BertLayers layers =
          new BertLayers(
              MultilingualBertEncoder.SHAPE,
              NetworkWeights.create(manager, bert.publishedLayers(8), null));
      for (String post : POSTS) {
        float[][] lower = bert.states(post, 8);
        float[][] top = bert.states(post, 12);
        NDArray mask = manager.ones(new Shape(1, lower.length));
        NDArray x = manager.create(TunedE5Network.flatten(lower), new Shape(1, lower.length, 768));
        float[] ours = layers.layers(8, 12, x, BertLayers.attentionBias(mask), 0).toFloatArray();
        for (int t = 0; t < top.length; t++) {
          float[] token = java.util.Arrays.copyOfRange(ours, t * 768, (t + 1) * 768);
          assertThat(Vectors.cosine(token, top[t])).as(post + " token " + t).isGreaterThan(0.99);
        }
      }
    }
  }

  @Test
  void givesLayersEightAndTwelveOneVectorPerWordPieceAndLayerEightsMeanIsTheEncodersVector() {
    assertThat(bert.offers(8)).isTrue();
    assertThat(bert.offers(12)).isTrue();
    assertThat(bert.offers(6)).isFalse();
    assertThatThrownBy(() -> bert.states("ciao", 6)).isInstanceOf(IllegalArgumentException.class);
    String post = POSTS.get(1);
    float[][] states = bert.states(post, 8);
    assertThat(states[0]).hasSize(768);
    assertThat(bert.states(post, 12)).hasNumberOfRows(states.length);
    float[] mean = new float[768];
    for (float[] token : states) {
      for (int j = 0; j < 768; j++) {
        mean[j] += token[j];
      }
    }
    assertThat(Vectors.cosine(mean, bert.encode(post))).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void publishedLayersAreTheTopLayersWithEveryWeightBertLayersReads() {
    var weights = bert.publishedLayers(10);
    assertThat(weights).hasSize(2 * 16).containsKeys("10.query.w", "11.norm2.beta");
    assertThat(weights.get("10.intermediate.w").shape()).containsExactly(768, 3072);
    assertThat(weights.get("11.output.w").shape()).containsExactly(3072, 768);
  }
}
