package org.complaintdesk.sentiment.network;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Map;
import org.complaintdesk.sentiment.english.DjlOffline;

/**
 * A BERT-shaped encoder's forward pass on DJL arrays (PyTorch underneath), computed the way the
 * published networks compute it (post-layer-norm blocks, exact GELU, mean pooling), so weights read
 * from another engine's file give the same numbers. Written out rather than built from DJL's {@code
 * TransformerEncoderBlock} because the weights arrive as named matrices in the published layout,
 * which this maps one to one, and because only the top layers run here (the lower ones run on ONNX
 * Runtime, {@link LowerLayers}).
 *
 * <p>Weight names, per layer: {@code L.query.w / .b} (and key, value, attention, intermediate,
 * output; each {@code w} is {@code [in, out]}), {@code L.norm1.gamma / .beta} and {@code
 * L.norm2.gamma / .beta}.
 */
public final class BertLayers {
  /** Masked positions get this added before the softmax, as the published BERT does. */
  private static final float MASKED = -10000f;

  private static final float NORM_EPSILON = 1e-12f;

  /** The size of the network. */
  public record Dimensions(int layers, int hidden, int heads, int intermediate) {
    public int headSize() {
      return hidden / heads;
    }
  }

  private final Dimensions dims;
  private final Map<String, NDArray> weights;

  /**
   * @param weights by name (above); read, never changed here (training updates them in place)
   */
  public BertLayers(Dimensions dims, Map<String, NDArray> weights) {
    this.dims = dims;
    this.weights = weights;
  }

  public Dimensions dimensions() {
    return dims;
  }

  /** What to add to attention scores for a [batch, tokens] mask of 1 (token) and 0 (padding). */
  public static NDArray attentionBias(NDArray mask) {
    Shape s = mask.getShape();
    return mask.sub(1f).mul(-MASKED).reshape(s.get(0), 1, 1, s.get(1));
  }

  /** PyTorch, offline, with the given number of threads per operation (training, and checks). */
  static void pytorch(int threads) {
    DjlOffline.apply();
    Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(threads);
  }

  /**
   * One transformer layer.
   *
   * @param dropout the rate while training, 0 otherwise
   */
  public NDArray layer(int l, NDArray x, NDArray attentionBias, float dropout) {
    long batch = x.getShape().get(0);
    long tokens = x.getShape().get(1);
    int heads = dims.heads();
    int size = dims.headSize();
    NDArray q = dense(x, l + ".query").reshape(batch, tokens, heads, size).transpose(0, 2, 1, 3);
    NDArray k = dense(x, l + ".key").reshape(batch, tokens, heads, size).transpose(0, 2, 3, 1);
    NDArray v = dense(x, l + ".value").reshape(batch, tokens, heads, size).transpose(0, 2, 1, 3);
    NDArray attention =
        drop(q.matMul(k).div((float) Math.sqrt(size)).add(attentionBias).softmax(-1), dropout);
    NDArray context =
        attention.matMul(v).transpose(0, 2, 1, 3).reshape(batch, tokens, dims.hidden());
    NDArray x1 = norm(drop(dense(context, l + ".attention"), dropout).add(x), l + ".norm1");
    NDArray inner = Activation.gelu(dense(x1, l + ".intermediate"));
    return norm(drop(dense(inner, l + ".output"), dropout).add(x1), l + ".norm2");
  }

  /** Layers {@code from} (inclusive) to {@code to} (exclusive). */
  public NDArray layers(int from, int to, NDArray x, NDArray attentionBias, float dropout) {
    NDArray out = x;
    for (int l = from; l < to; l++) {
      out = layer(l, out, attentionBias, dropout);
    }
    return out;
  }

  /** The mean of each post's token vectors (padding left out): [batch, hidden]. */
  public static NDArray meanPool(NDArray x, NDArray mask) {
    NDArray m = mask.expandDims(2);
    return x.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));
  }

  private NDArray dense(NDArray x, String name) {
    return x.matMul(weight(name + ".w")).add(weight(name + ".b"));
  }

  private NDArray norm(NDArray x, String name) {
    return LayerNorm.layerNorm(
            x,
            new Shape(dims.hidden()),
            weight(name + ".gamma"),
            weight(name + ".beta"),
            NORM_EPSILON)
        .singletonOrThrow();
  }

  private static NDArray drop(NDArray x, float rate) {
    return rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
  }

  private NDArray weight(String name) {
    NDArray w = weights.get(name);
    if (w == null) {
      throw new IllegalStateException("no weight " + name);
    }
    return w;
  }
}
