package org.complaintdesk.sentiment.network;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Map;
import org.complaintdesk.sentiment.english.DjlOffline;

/**
 * e5-small-v2 with its top layers and a classification head fine-tuned on labelled posts ({@link
 * ToneNetworkTrainer}). The lower layers are the sentence encoder's own run on ONNX Runtime ({@link
 * LowerLayers}: 8-bit, and already paid for by the English features), the tuned layers run on
 * PyTorch through DJL. The published weights come from the encoder's Maven artifact; the model file
 * holds only what tuning changed ({@link TunedLayers}). Nothing is downloaded: PyTorch's native
 * library is a Maven artifact too.
 *
 * <p>One post per call on one PyTorch thread, like the sentence encoder: the scoring pool already
 * runs one post per core.
 */
public final class TunedE5Network implements SentimentNetwork, AutoCloseable {
  private final TunedLayers tuned;
  private final LowerLayers lower;
  private final NDManager manager;
  private final BertLayers layers;
  private final NDArray head;
  private final NDArray headBias;

  private TunedE5Network(
      TunedLayers tuned, LowerLayers lower, Map<String, OnnxInitializers.Tensor> published) {
    if (!lower.offers(tuned.firstTuned())) {
      throw new IllegalArgumentException(
          "the network was tuned on the output of layer "
              + tuned.firstTuned()
              + ", which the encoder does not give");
    }
    this.tuned = tuned;
    this.lower = lower;
    Engines.pytorch(1);
    this.manager = NDManager.newBaseManager();
    this.layers =
        new BertLayers(
            E5Weights.SHAPE,
            NetworkWeights.create(manager, topLayers(published, tuned.firstTuned()), tuned));
    this.head =
        manager.create(tuned.head(), new Shape(E5Weights.SHAPE.hidden(), tuned.labels().size()));
    this.headBias = manager.create(tuned.headBias());
  }

  /** Opens the network for scoring on the lower layers' states from {@code lower}. */
  public static TunedE5Network open(TunedLayers tuned, LowerLayers lower) {
    if (!E5Weights.NAME.equals(tuned.base())) {
      throw new IllegalArgumentException("not an e5-small-v2 tuning: " + tuned.base());
    }
    return new TunedE5Network(tuned, lower, E5Weights.load());
  }

  /** The same on published weights already read (training scores its held-out folds). */
  static TunedE5Network open(
      TunedLayers tuned, LowerLayers lower, Map<String, OnnxInitializers.Tensor> published) {
    return new TunedE5Network(tuned, lower, published);
  }

  @Override
  public String name() {
    return "e5t";
  }

  @Override
  public List<String> labels() {
    return tuned.labels();
  }

  @Override
  public double[] probabilities(String text) {
    return probabilitiesOfStates(flatten(lower.states(text, tuned.firstTuned())));
  }

  /** [tokens][hidden] as one row-major array, the shape the tuned layers take. */
  static float[] flatten(float[][] states) {
    int hidden = states.length == 0 ? 0 : states[0].length;
    float[] flat = new float[states.length * hidden];
    for (int t = 0; t < states.length; t++) {
      System.arraycopy(states[t], 0, flat, t * hidden, hidden);
    }
    return flat;
  }

  /** The probabilities for the lower layers' states of one post, flattened [tokens × hidden]. */
  double[] probabilitiesOfStates(float[] flat) {
    int hidden = E5Weights.SHAPE.hidden();
    int tokens = flat.length / hidden;
    float[] p;
    try (NDScope scope = new NDScope();
        NDManager m = manager.newSubManager()) {
      NDArray mask = m.ones(new Shape(1, tokens));
      NDArray x = m.create(flat, new Shape(1, tokens, hidden));
      x =
          layers.layers(
              tuned.firstTuned(), E5Weights.SHAPE.layers(), x, BertLayers.attentionBias(mask), 0);
      p = BertLayers.meanPool(x, mask).matMul(head).add(headBias).softmax(1).toFloatArray();
      scope.suppressNotUsedWarning();
    }
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i];
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }

  /** The published weights of layers {@code first} and above (the only ones run here). */
  static Map<String, OnnxInitializers.Tensor> topLayers(
      Map<String, OnnxInitializers.Tensor> published, int first) {
    Map<String, OnnxInitializers.Tensor> out = new java.util.LinkedHashMap<>();
    published.forEach(
        (name, t) -> {
          if (layerOf(name) >= first) {
            out.put(name, t);
          }
        });
    return out;
  }

  /** The layer a weight belongs to ({@code "9.query.w"} → 9). */
  static int layerOf(String name) {
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }

  /** PyTorch, offline, with the given number of threads per operation. */
  static final class Engines {
    private Engines() {}

    static void pytorch(int threads) {
      DjlOffline.apply();
      Engine.getEngine("PyTorch");
      JniUtils.setNumThreads(threads);
    }
  }
}
