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
 * TensorFlow's layer 8, must compute TensorFlow's layer 12 (both 32-bit runs; the encoder's own
 * layer 8 comes from its 8-bit layers, checked against TensorFlow's here too): what a network tuned
 * for the n-gram languages would start from (docs/benchmarks.md, "Scratch check: multilingual
 * BERT's ninth layer tuned"). BERT's TensorFlow code uses tanh's approximation of GELU and {@link
 * BertLayers} the exact one, so the two agree to a cosine near 1, not bit for bit.
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
    BertLayers.pytorch(1);
    try (NDManager manager = NDManager.newBaseManager()) {
      BertLayers layers =
          new BertLayers(
              MultilingualBertEncoder.SHAPE,
              NetworkWeights.create(manager, bert.publishedLayers(8, 12)));
      for (String post : POSTS) {
        float[][] lower = bert.float32States(post, 8);
        float[][] top = bert.float32States(post, 12);
        NDArray mask = manager.ones(new Shape(1, lower.length));
        NDArray x = manager.create(TunedNetwork.flatten(lower), new Shape(1, lower.length, 768));
        float[] ours = layers.layers(8, 12, x, BertLayers.attentionBias(mask), 0).toFloatArray();
        for (int t = 0; t < top.length; t++) {
          float[] token = java.util.Arrays.copyOfRange(ours, t * 768, (t + 1) * 768);
          assertThat(Vectors.cosine(token, top[t])).as(post + " token " + t).isGreaterThan(0.99);
        }
      }
    }
  }

  @Test
  void givesLayerEightOneVectorPerWordPieceAndItsMeanIsTheEncodersVector() {
    assertThat(bert.offers(8)).isTrue();
    assertThat(bert.offers(12)).as("only in 32 bits, for checks").isFalse();
    assertThat(bert.offers(6)).isFalse();
    assertThatThrownBy(() -> bert.states("ciao", 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bert.float32States("ciao", 6))
        .isInstanceOf(IllegalArgumentException.class);
    String post = POSTS.get(1);
    float[][] states = bert.states(post, 8);
    assertThat(states[0]).hasSize(768);
    assertThat(bert.float32States(post, 12)).hasNumberOfRows(states.length);
    float[] mean = new float[768];
    for (float[] token : states) {
      for (int j = 0; j < 768; j++) {
        mean[j] += token[j];
      }
    }
    assertThat(Vectors.cosine(mean, bert.encode(post))).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void theEightBitLayersGiveTensorFlowsThirtyTwoBitTokenVectorsWithinTheirRounding() {
    // Measured on 150 XLM-T Arabic posts: the posts' mean vectors at a cosine of 0.997 on average,
    // 0.991 at worst (docs/benchmarks.md). Each word piece's vector is held to 0.97 here.
    for (String post : POSTS) {
      float[][] eightBit = bert.states(post, 8);
      float[][] float32 = bert.float32States(post, 8);
      assertThat(eightBit).hasNumberOfRows(float32.length);
      for (int t = 0; t < float32.length; t++) {
        assertThat(Vectors.cosine(eightBit[t], float32[t]))
            .as(post + " token " + t)
            .isGreaterThan(0.97)
            .isLessThan(1.0 - 1e-7); // rounded: not TensorFlow's own numbers
      }
    }
  }

  @Test
  void publishedLayersAreTheTopLayersWithEveryWeightBertLayersReads() {
    var weights = bert.publishedLayers(10, 12);
    assertThat(weights).hasSize(2 * 16).containsKeys("10.query.w", "11.norm2.beta");
    assertThat(weights.get("10.intermediate.w").shape()).containsExactly(768, 3072);
    assertThat(weights.get("11.output.w").shape()).containsExactly(3072, 768);
  }

  @Test
  void aPostsSecondReadingOnTheSameThreadReusesItsRun() {
    String post = POSTS.get(0);
    float[][] first = bert.states(post, 8);
    assertThat(bert.states(post, 8)).as("the same run").isSameAs(first);
    assertThat(bert.states(POSTS.get(1), 8)).isNotSameAs(first);
    float[][] again = bert.states(post, 8);
    assertThat(again).as("another post came between: run again").isNotSameAs(first);
    assertThat(again[1]).containsExactly(first[1], within(1e-5f));
  }

  @Test
  void oneTunedLayerAboveLayerEightLearnsThePostsAndTheNetworkStopsThere() {
    PublishedNetwork published = MultilingualBertEncoder.published(() -> bert);
    List<String> labels = List.of("negative", "neutral", "positive");
    List<ToneNetworkTrainer.Example> posts =
        List.of(
            new ToneNetworkTrainer.Example(POSTS.get(0), 0, 1),
            new ToneNetworkTrainer.Example(POSTS.get(1), 0, 1),
            new ToneNetworkTrainer.Example(POSTS.get(2), 0, 1),
            new ToneNetworkTrainer.Example("Il treno parte alle nove dal binario tre", 1, 1),
            new ToneNetworkTrainer.Example("Der Laden öffnet morgen um acht Uhr", 1, 1),
            new ToneNetworkTrainer.Example("El pedido tiene el número 4512", 1, 1),
            new ToneNetworkTrainer.Example("Grazie mille, servizio fantastico!", 2, 1),
            new ToneNetworkTrainer.Example("Merci beaucoup, je suis ravie de l'équipe", 2, 1),
            new ToneNetworkTrainer.Example("شكرا جزيلا، خدمة رائعة", 2, 1));
    var options = new ToneNetworkTrainer.Options(1, 12, 1e-3f, 8, 0f, 0f, 7, 2, 1, true);

    TunedLayers tuned =
        new ToneNetworkTrainer(options, published).train(posts, labels, "test posts").get(0);

    assertThat(tuned.base()).isEqualTo(MultilingualBertEncoder.PUBLISHED_NAME);
    assertThat(tuned.firstTuned()).isEqualTo(8);
    assertThat(tuned.end()).as("layers 9 to 12 are not run").isEqualTo(9);
    assertThat(tuned.changes()).as("kept in 8 bits").isEmpty();
    assertThat(tuned.int8Changes()).hasSize(16).containsKeys("8.query.w", "8.norm2.beta");
    assertThat(tuned.trainedOn()).contains("1 layers from layer 8").contains("8-bit changes");
    try (TunedNetwork network = TunedNetwork.open(tuned, published)) {
      assertThat(network.name()).isEqualTo("mbertt");
      for (ToneNetworkTrainer.Example post : posts) {
        double[] p = network.probabilities(post.text());
        assertThat(p[post.label()]).as(post.text()).isGreaterThan(0.5);
      }
    }
  }

  @Test
  void aTuningRunsOnlyOnTheNetworkItWasTunedFrom() {
    TunedLayers e5Tuning =
        new TunedLayers(
            E5Weights.NAME,
            8,
            java.util.Map.of(),
            new float[0],
            new float[0],
            List.of(),
            512,
            "",
            null);
    assertThatThrownBy(
            () -> TunedNetwork.open(e5Tuning, MultilingualBertEncoder.published(() -> bert)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot run on " + MultilingualBertEncoder.PUBLISHED_NAME);
  }
}
