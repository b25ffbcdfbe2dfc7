package org.complaintdesk.sentiment.multilingual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.complaintdesk.sentiment.network.BertLayers;
import org.complaintdesk.sentiment.network.OnnxInitializers;
import org.complaintdesk.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The 8-bit ONNX graph computes what {@link BertLayers} (32-bit, PyTorch) computes from the same
 * weights, up to the rounding of its weights and inputs: on a small random BERT, so a wrong
 * transpose, scale or norm shows at once.
 */
class QuantizedBertLayersTest {
  private static final BertLayers.Dimensions SHAPE = new BertLayers.Dimensions(2, 32, 4, 64);
  private static final int TOKENS = 7;

  @Test
  void twoLayersGiveWhatBertLayersGivesUpToRounding() throws Exception {
    Map<String, OnnxInitializers.Tensor> weights = randomWeights(new Random(7));
    float[] input = random(new Random(11), TOKENS * SHAPE.hidden(), 1f);
    float[] expected;
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      weights.forEach(
          (name, t) -> arrays.put(name, manager.create(t.values(), new Shape(t.shape()))));
      BertLayers layers = new BertLayers(SHAPE, arrays);
      NDArray mask = manager.ones(new Shape(1, TOKENS));
      NDArray x = manager.create(input, new Shape(1, TOKENS, SHAPE.hidden()));
      expected = layers.layers(0, 2, x, BertLayers.attentionBias(mask), 0).toFloatArray();
    }
    try (QuantizedBertLayers quantized = QuantizedBertLayers.of(weights, 2, SHAPE)) {
      float[] actual = quantized.run(input, TOKENS);
      assertThat(actual).hasSize(expected.length);
      for (int t = 0; t < TOKENS; t++) {
        assertThat(Vectors.cosine(token(actual, t), token(expected, t)))
            .as("token " + t)
            .isGreaterThan(0.995);
      }
      assertThat(quantized.run(input, TOKENS)).as("the same each time").isEqualTo(actual);
    }
  }

  @Test
  void aMissingWeightIsNamed() {
    Map<String, OnnxInitializers.Tensor> weights = randomWeights(new Random(7));
    weights.remove("1.key.w");
    assertThatThrownBy(() -> QuantizedBertLayers.of(weights, 2, SHAPE))
        .hasMessageContaining("1.key.w");
  }

  private static float[] token(float[] states, int t) {
    return Arrays.copyOfRange(states, t * SHAPE.hidden(), (t + 1) * SHAPE.hidden());
  }

  private static Map<String, OnnxInitializers.Tensor> randomWeights(Random random) {
    int h = SHAPE.hidden();
    int inner = SHAPE.intermediate();
    Map<String, OnnxInitializers.Tensor> w = new LinkedHashMap<>();
    for (int l = 0; l < 2; l++) {
      for (String dense : new String[] {"query", "key", "value", "attention"}) {
        dense(w, random, l + "." + dense, h, h);
      }
      dense(w, random, l + ".intermediate", h, inner);
      dense(w, random, l + ".output", inner, h);
      for (String norm : new String[] {"norm1", "norm2"}) {
        float[] gamma = random(random, h, 0.1f);
        for (int j = 0; j < h; j++) {
          gamma[j] += 1f;
        }
        w.put(l + "." + norm + ".gamma", new OnnxInitializers.Tensor(new long[] {h}, gamma));
        w.put(l + "." + norm + ".beta", tensor(random, 0.1f, h));
      }
    }
    return w;
  }

  private static void dense(
      Map<String, OnnxInitializers.Tensor> w, Random random, String name, int in, int out) {
    w.put(name + ".w", tensor(random, (float) (1 / Math.sqrt(in)), in, out));
    w.put(name + ".b", tensor(random, 0.05f, out));
  }

  private static OnnxInitializers.Tensor tensor(Random random, float scale, long... dims) {
    int n = (int) Arrays.stream(dims).reduce(1, (a, b) -> a * b);
    return new OnnxInitializers.Tensor(dims, random(random, n, scale));
  }

  private static float[] random(Random random, int n, float scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian() * scale;
    }
    return v;
  }
}
