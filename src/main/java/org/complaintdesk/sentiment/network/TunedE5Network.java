package org.complaintdesk.sentiment.network;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.complaintdesk.sentiment.english.DjlOffline;

/**
 * e5-small-v2 with its top layers and a classification head fine-tuned on labelled posts ({@link
 * ToneNetworkTrainer}), run on PyTorch through DJL. The published weights come from the same Maven
 * artifact as the sentence encoder's; the model file holds only what tuning changed ({@link
 * TunedLayers}). Nothing is downloaded: PyTorch's native library is a Maven artifact too.
 *
 * <p>One post per call on one PyTorch thread, like the sentence encoder: the scoring pool already
 * runs one post per core.
 */
public final class TunedE5Network implements SentimentNetwork, AutoCloseable {
  /** E5 reads single texts for classification with this prefix, as it was trained. */
  static final String PREFIX = "query: ";

  private final TunedLayers tuned;
  private final NDManager manager;
  private final BertLayers layers;
  private final NDArray head;
  private final NDArray headBias;
  private final HuggingFaceTokenizer tokenizer;

  private TunedE5Network(
      TunedLayers tuned, Map<String, OnnxInitializers.Tensor> published, int threads) {
    this.tuned = tuned;
    Engines.pytorch(threads);
    this.manager = NDManager.newBaseManager();
    this.layers = new BertLayers(E5Weights.SHAPE, NetworkWeights.create(manager, published, tuned));
    int hidden = E5Weights.SHAPE.hidden();
    this.head = manager.create(tuned.head(), new Shape(hidden, tuned.labels().size()));
    this.headBias = manager.create(tuned.headBias());
    this.tokenizer = tokenizer(tuned.maxTokens());
  }

  /** Opens the network for scoring (one PyTorch thread per call). */
  public static TunedE5Network open(TunedLayers tuned) {
    if (!E5Weights.NAME.equals(tuned.base())) {
      throw new IllegalArgumentException("not an e5-small-v2 tuning: " + tuned.base());
    }
    return new TunedE5Network(tuned, E5Weights.load(), 1);
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
    long[] ids = tokenize(tokenizer, text);
    float[] p;
    try (NDScope scope = new NDScope();
        NDManager m = manager.newSubManager()) {
      Shape shape = new Shape(1, ids.length);
      NDArray mask = m.ones(shape);
      NDArray x = layers.embed(m.create(ids, shape), m.zeros(shape, DataType.INT64));
      x = layers.layers(0, E5Weights.SHAPE.layers(), x, BertLayers.attentionBias(mask), 0);
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
    tokenizer.close();
  }

  /** E5's word pieces of a post with the prefix, [CLS] and [SEP], cut to the tokenizer's limit. */
  static long[] tokenize(HuggingFaceTokenizer tokenizer, String text) {
    String input = text == null || text.isBlank() ? "." : text;
    Encoding encoding = tokenizer.encode(PREFIX + input, true, false);
    return encoding.getIds();
  }

  static HuggingFaceTokenizer tokenizer(int maxTokens) {
    DjlOffline.apply();
    try (InputStream in = TunedE5Network.class.getResourceAsStream(E5Weights.TOKENIZER)) {
      if (in == null) {
        throw new IllegalStateException(E5Weights.TOKENIZER + " is missing from the classpath");
      }
      return HuggingFaceTokenizer.newInstance(
          in,
          Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(maxTokens)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the e5 tokenizer", e);
    }
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
