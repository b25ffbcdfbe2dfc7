package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.complaintdesk.testing.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ONNX graph computes what {@link BertLayers} (PyTorch, what training runs) computes from the
 * same weights: to float rounding in 32 bits, to the rounding of weights and inputs in 8 bits. On a
 * small random BERT, so a wrong transpose, scale, norm or GELU shows at once.
 */
class BertGraphTest {
  private static final BertLayers.Dimensions SHAPE = new BertLayers.Dimensions(3, 32, 4, 64);
  private static final int TOKENS = 7;
  private static final Map<String, OnnxInitializers.Tensor> WEIGHTS = randomWeights(new Random(7));
  private static final float[] INPUT = random(new Random(11), TOKENS * SHAPE.hidden(), 1f);
  private static final OnnxInitializers.Tensor WORDS = tensor(new Random(5), 0.5f, 12, 32);
  private static final OnnxInitializers.Tensor POSITION = tensor(new Random(6), 0.5f, 16, 32);
  private static final OnnxInitializers.Tensor TYPE = tensor(new Random(8), 0.5f, 2, 32);

  @BeforeAll
  static void pytorch() {
    BertLayers.pytorch(1);
  }

  @Test
  void thirtyTwoBitLayersGiveBertLayersTokenVectors() {
    float[] expected = bertLayers(1, 3);
    try (OnnxBertGraph graph =
        new OnnxBertGraph(
            BertGraph.layers(WEIGHTS, SHAPE, 1, 3, BertGraph.Kernels.FLOAT32, BertGraph.Gelu.EXACT),
            SHAPE.hidden())) {
      assertThat(graph.run(INPUT)).containsExactly(expected, within(2e-4f));
    }
  }

  @Test
  void eightBitLayersGiveThemUpToRounding() {
    float[] expected = bertLayers(0, 3);
    try (OnnxBertGraph graph =
        new OnnxBertGraph(
            BertGraph.layers(
                WEIGHTS, SHAPE, 0, 3, BertGraph.Kernels.EIGHT_BIT, BertGraph.Gelu.EXACT),
            SHAPE.hidden())) {
      float[] actual = graph.run(INPUT);
      for (int t = 0; t < TOKENS; t++) {
        double cosine = Vectors.cosine(token(actual, t), token(expected, t));
        assertThat(cosine).as("token " + t).isGreaterThan(0.995).isLessThan(1 - 1e-7);
      }
      assertThat(graph.run(INPUT)).as("the same each time").isEqualTo(actual);
    }
  }

  @Test
  void theTanhGeluIsNotTheExactOne() {
    try (OnnxBertGraph exact =
            new OnnxBertGraph(
                BertGraph.layers(
                    WEIGHTS, SHAPE, 0, 1, BertGraph.Kernels.FLOAT32, BertGraph.Gelu.EXACT),
                SHAPE.hidden());
        OnnxBertGraph tanh =
            new OnnxBertGraph(
                BertGraph.layers(
                    WEIGHTS, SHAPE, 0, 1, BertGraph.Kernels.FLOAT32, BertGraph.Gelu.TANH),
                SHAPE.hidden())) {
      float[] a = exact.run(INPUT);
      float[] b = tanh.run(INPUT);
      assertThat(a).isNotEqualTo(b).containsExactly(b, within(0.05f));
    }
  }

  @Test
  void aClassifierGivesTheMeanTokensHeadAndSoftmax() {
    float[] head = random(new Random(3), SHAPE.hidden() * 3, 0.3f);
    float[] bias = {0.1f, -0.2f, 0.05f};
    float[] expected;
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      NDArray x = layers(manager, 2, 3);
      NDArray mask = manager.ones(new Shape(1, TOKENS));
      expected =
          BertLayers.meanPool(x, mask)
              .matMul(manager.create(head, new Shape(SHAPE.hidden(), 3)))
              .add(manager.create(bias))
              .softmax(1)
              .toFloatArray();
    }
    try (OnnxBertGraph graph =
        new OnnxBertGraph(
            BertGraph.classifier(WEIGHTS, SHAPE, 2, 3, BertGraph.Gelu.EXACT, head, bias),
            SHAPE.hidden())) {
      float[] p = graph.run(INPUT);
      assertThat(p).hasSize(3).containsExactly(expected, within(1e-5f));
      assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, within(1e-5f));
    }
  }

  @Test
  void theEmbeddedGraphLooksUpWordPiecesAndPositionsThenRunsTheLayers(@TempDir Path dir)
      throws Exception {
    // What it must compute: segment 0's embedding layer (word piece + position + type row 0,
    // normalised), then the layers as from token vectors.
    int[] ids = {2, 9, 4, 4, 0, 11, 3};
    float[] embedded = new float[TOKENS * SHAPE.hidden()];
    for (int t = 0; t < TOKENS; t++) {
      float[] sum = new float[SHAPE.hidden()];
      for (int j = 0; j < SHAPE.hidden(); j++) {
        float word = WORDS.values()[ids[t] * SHAPE.hidden() + j];
        sum[j] = word + POSITION.values()[t * SHAPE.hidden() + j] + TYPE.values()[j];
      }
      System.arraycopy(normalised(sum), 0, embedded, t * SHAPE.hidden(), SHAPE.hidden());
    }
    float[] expected;
    try (OnnxBertGraph fromVectors =
        new OnnxBertGraph(
            BertGraph.layers(WEIGHTS, SHAPE, 0, 2, BertGraph.Kernels.FLOAT32, BertGraph.Gelu.TANH),
            SHAPE.hidden())) {
      expected = fromVectors.run(embedded);
    }
    // The table lives in a file beside the graph: read by ONNX Runtime itself, or mapped.
    Path model = dir.resolve("lower.onnx");
    Files.write(
        model,
        BertGraph.embeddedLayers(
                withEmbeddings(), SHAPE, 2, BertGraph.Kernels.FLOAT32, BertGraph.Gelu.TANH)
            .toByteArray());
    BertGraph.writeWordPieces(withEmbeddings(), dir.resolve(BertGraph.WORD_PIECES));
    try (OnnxBertGraph read = new OnnxBertGraph(model, SHAPE.hidden());
        OnnxBertGraph mapped = OnnxBertGraph.embedded(model, SHAPE.hidden())) {
      assertThat(read.runPieces(ids)).containsExactly(expected, within(1e-4f));
      assertThat(mapped.runPieces(ids)).containsExactly(read.runPieces(ids));
      assertThat(mapped.runPieces(new int[] {2, 9})).hasSize(2 * SHAPE.hidden());
    }
  }

  @Test
  void theExportedGraphIsTheOneExportsWereWrittenWith() throws Exception {
    // multilingual.BertExport keeps graphs on disk between runs, under a format name. If this
    // changes, the graph's numbers may have: bump BertExport.FORMAT so older exports are not read,
    // then set the new digest here.
    byte[] graph =
        BertGraph.embeddedLayers(
                withEmbeddings(), SHAPE, 2, BertGraph.Kernels.EIGHT_BIT, BertGraph.Gelu.TANH)
            .toByteArray();
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(graph)))
        .isEqualTo("8a82efb8b01824f3b2e9b8e74db3444147c9abbb25d518776f953e3976f07208");
  }

  @Test
  void aWeightsFileReadsBackAsTheSameWeights() throws Exception {
    Map<String, OnnxInitializers.Tensor> layer = new LinkedHashMap<>();
    WEIGHTS.forEach(
        (name, w) -> {
          if (name.startsWith("1.")) {
            layer.put(name, w);
          }
        });
    Map<String, OnnxInitializers.Tensor> read =
        OnnxInitializers.read(BertGraph.weights(layer).toByteArray());
    assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(layer.keySet());
    layer.forEach(
        (name, w) -> {
          assertThat(read.get(name).shape()).as(name).containsExactly(w.shape());
          assertThat(read.get(name).values()).as(name).containsExactly(w.values());
        });
  }

  @Test
  void aMissingWeightIsNamed() {
    Map<String, OnnxInitializers.Tensor> weights = new LinkedHashMap<>(WEIGHTS);
    weights.remove("1.key.w");
    assertThatThrownBy(
            () ->
                BertGraph.layers(
                    weights, SHAPE, 0, 2, BertGraph.Kernels.EIGHT_BIT, BertGraph.Gelu.TANH))
        .hasMessageContaining("1.key.w");
  }

  private static Map<String, OnnxInitializers.Tensor> withEmbeddings() {
    Map<String, OnnxInitializers.Tensor> w = new LinkedHashMap<>(WEIGHTS);
    w.put("embeddings.word", WORDS);
    w.put("embeddings.position", POSITION);
    w.put("embeddings.type", TYPE);
    float[] ones = new float[SHAPE.hidden()];
    Arrays.fill(ones, 1f);
    w.put("embeddings.norm.gamma", new OnnxInitializers.Tensor(new long[] {SHAPE.hidden()}, ones));
    w.put(
        "embeddings.norm.beta",
        new OnnxInitializers.Tensor(new long[] {SHAPE.hidden()}, new float[SHAPE.hidden()]));
    return w;
  }

  /** Layer norm with gamma 1 and beta 0, BERT's epsilon. */
  private static float[] normalised(float[] x) {
    double mean = 0;
    for (float v : x) {
      mean += v;
    }
    mean /= x.length;
    double variance = 0;
    for (float v : x) {
      variance += (v - mean) * (v - mean);
    }
    variance /= x.length;
    float[] out = new float[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = (float) ((x[j] - mean) / Math.sqrt(variance + 1e-12));
    }
    return out;
  }

  private static float[] bertLayers(int from, int to) {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      return layers(manager, from, to).toFloatArray();
    }
  }

  private static NDArray layers(NDManager manager, int from, int to) {
    BertLayers layers = new BertLayers(SHAPE, NetworkWeights.create(manager, WEIGHTS));
    NDArray mask = manager.ones(new Shape(1, TOKENS));
    NDArray x = manager.create(INPUT, new Shape(1, TOKENS, SHAPE.hidden()));
    return layers.layers(from, to, x, BertLayers.attentionBias(mask), 0);
  }

  private static float[] token(float[] states, int t) {
    return Arrays.copyOfRange(states, t * SHAPE.hidden(), (t + 1) * SHAPE.hidden());
  }

  private static Map<String, OnnxInitializers.Tensor> randomWeights(Random random) {
    int h = SHAPE.hidden();
    int inner = SHAPE.intermediate();
    Map<String, OnnxInitializers.Tensor> w = new LinkedHashMap<>();
    for (int l = 0; l < SHAPE.layers(); l++) {
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
