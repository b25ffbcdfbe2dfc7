package org.complaintdesk.sentiment.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published network ({@link PublishedNetwork}: e5-small-v2, multilingual BERT) with some of its
 * layers and a classification head fine-tuned on labelled posts ({@link ToneNetworkTrainer}). The
 * lower layers are the encoder's own run ({@link LowerLayers}, already paid for by the layers'
 * features), and the network stops after the last tuned layer. The published weights come from the
 * encoder's Maven artifact; the model file holds only what tuning changed ({@link TunedLayers}).
 *
 * <p>Trained on PyTorch ({@link BertLayers}), scored on ONNX Runtime: the tuned layers and the head
 * as a 32-bit {@link BertGraph} with the same operations (since 2026-12-07; PyTorch's eager
 * operations took 9–12 ms a post for multilingual BERT's one tuned layer). One post per call on one
 * thread, like the sentence encoders: the scoring pool already runs one post per core.
 */
public final class TunedNetwork implements SentimentNetwork, AutoCloseable {
  private final TunedLayers tuned;
  private final PublishedNetwork published;
  private final OnnxBertGraph graph;

  private TunedNetwork(
      TunedLayers tuned, PublishedNetwork published, Map<String, OnnxInitializers.Tensor> weights) {
    if (!published.name().equals(tuned.base())) {
      throw new IllegalArgumentException(
          "a tuning of " + tuned.base() + " cannot run on " + published.name());
    }
    if (!published.lower().offers(tuned.firstTuned())) {
      throw new IllegalArgumentException(
          "the network was tuned on the output of layer "
              + tuned.firstTuned()
              + ", which the encoder does not give");
    }
    this.tuned = tuned;
    this.published = published;
    Map<String, OnnxInitializers.Tensor> changed = new LinkedHashMap<>();
    layers(weights, tuned.firstTuned(), tuned.end())
        .forEach(
            (name, t) ->
                changed.put(
                    name, new OnnxInitializers.Tensor(t.shape(), tuned.apply(name, t.values()))));
    this.graph =
        new OnnxBertGraph(
            BertGraph.classifier(
                changed,
                published.shape(),
                tuned.firstTuned(),
                tuned.end(),
                BertGraph.Gelu.EXACT,
                tuned.head(),
                tuned.headBias()),
            published.shape().hidden());
  }

  /** Opens the network for scoring; reads the published weights of its tuned layers. */
  public static TunedNetwork open(TunedLayers tuned, PublishedNetwork published) {
    return new TunedNetwork(
        tuned, published, published.weights().of(tuned.firstTuned(), tuned.end()));
  }

  /** The same on published weights already read (training scores its held-out folds). */
  static TunedNetwork open(
      TunedLayers tuned, PublishedNetwork published, Map<String, OnnxInitializers.Tensor> weights) {
    return new TunedNetwork(tuned, published, weights);
  }

  @Override
  public String name() {
    return published.tag();
  }

  @Override
  public List<String> labels() {
    return tuned.labels();
  }

  @Override
  public double[] probabilities(String text) {
    return probabilitiesOfStates(flatten(published.lower().states(text, tuned.firstTuned())));
  }

  /** [tokens][hidden] as one row-major array, the shape the tuned layers take. */
  public static float[] flatten(float[][] states) {
    int hidden = states.length == 0 ? 0 : states[0].length;
    float[] flat = new float[states.length * hidden];
    for (int t = 0; t < states.length; t++) {
      System.arraycopy(states[t], 0, flat, t * hidden, hidden);
    }
    return flat;
  }

  /** The probabilities for the lower layers' states of one post, flattened [tokens × hidden]. */
  double[] probabilitiesOfStates(float[] flat) {
    float[] p = graph.run(flat);
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i];
    }
    return out;
  }

  @Override
  public void close() {
    graph.close();
  }

  /** The weights of layers {@code first} (inclusive) to {@code end} (the only ones run here). */
  public static Map<String, OnnxInitializers.Tensor> layers(
      Map<String, OnnxInitializers.Tensor> weights, int first, int end) {
    Map<String, OnnxInitializers.Tensor> out = new LinkedHashMap<>();
    weights.forEach(
        (name, t) -> {
          int layer = layerOf(name);
          if (layer >= first && layer < end) {
            out.put(name, t);
          }
        });
    return out;
  }

  /** The layer a weight belongs to ({@code "9.query.w"} → 9). */
  static int layerOf(String name) {
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }
}
