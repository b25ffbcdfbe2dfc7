package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.testing.SharedScorer;
import org.complaintdesk.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The published weights, rebuilt on PyTorch from the ONNX file, must compute what ONNX Runtime
 * computes from the same file: otherwise fine-tuning would start from a different network. ONNX
 * Runtime also quantizes each layer's input to 8 bits on the fly, so the two agree to a cosine near
 * 1, not bit for bit.
 */
class E5WeightsTest {
  @Test
  void thePublishedNetworkOnPyTorchGivesTheVectorsOnnxRuntimeGives() {
    SentenceEncoder onnx = SharedScorer.components().encoder();
    TunedE5Network.Engines.pytorch(1);
    try (NDManager manager = NDManager.newBaseManager();
        HuggingFaceTokenizer tokenizer = TunedE5Network.tokenizer(128)) {
      BertLayers layers =
          new BertLayers(E5Weights.SHAPE, NetworkWeights.create(manager, E5Weights.load(), null));
      for (String post :
          List.of(
              "@NimbusAir my flight got cancelled AGAIN 😡 #neveragain",
              "thanks for the quick refund!",
              "Is the store open on Sunday?")) {
        long[] ids = TunedE5Network.tokenize(tokenizer, post);
        Shape shape = new Shape(1, ids.length);
        NDArray mask = manager.ones(shape);
        NDArray x = layers.embed(manager.create(ids, shape), manager.zeros(shape, DataType.INT64));
        x = layers.layers(0, 12, x, BertLayers.attentionBias(mask), 0);
        float[] ours = BertLayers.meanPool(x, mask).toFloatArray();
        assertThat(Vectors.cosine(ours, onnx.encode(post))).as(post).isGreaterThan(0.99);
      }
    }
  }

  @Test
  void theWeightsHaveTheShapesOfTheNetwork() {
    var weights = E5Weights.load();
    assertThat(weights.get(BertLayers.WORDS).shape()).containsExactly(30522, 384);
    assertThat(weights.get("0.intermediate.w").shape()).containsExactly(384, 1536);
    assertThat(weights.get("11.output.w").shape()).containsExactly(1536, 384);
    assertThat(weights.get("11.norm2.gamma").shape()).containsExactly(384);
  }
}
