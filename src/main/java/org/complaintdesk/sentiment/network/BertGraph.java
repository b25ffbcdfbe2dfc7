package org.complaintdesk.sentiment.network;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.UnsafeByteOperations;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * BERT layers written as an ONNX graph for ONNX Runtime, from weights named as {@link BertLayers}
 * takes them ({@code "3.query.w"}, kernels [in, out]), with the same operations in the same order:
 * what {@link BertLayers} computes on PyTorch (for training) runs on ONNX Runtime when scoring. The
 * graph takes one post's token vectors [1, tokens, hidden] and gives the token vectors after the
 * layers or, with a head, the post's class probabilities [1, labels] (mean of the token vectors,
 * head, softmax). Written with Tribuo's ONNX protobuf classes rather than by hand.
 */
public final class BertGraph {
  /** How the dense kernels are stored and multiplied. */
  public enum Kernels {
    /** 32-bit floats, ONNX's MatMul: the same sums as PyTorch's up to float rounding. */
    FLOAT32,
    /**
     * Bytes, one scale per output column, ONNX Runtime's {@code DynamicQuantizeMatMul} (each
     * layer's input quantized per call). Unsigned around 128: ONNX Runtime documents that signed
     * weights can saturate on x86 CPUs with AVX2 but without VNNI; with VNNI the two run alike.
     */
    EIGHT_BIT
  }

  /** Which GELU the network was trained with. */
  public enum Gelu {
    /** The tanh approximation of Google's BERT code (ONNX Runtime's FastGelu). */
    TANH,
    /** The exact one, PyTorch's default, which {@link BertLayers} uses. */
    EXACT
  }

  /** BERT's layer norm epsilon (as {@link BertLayers} and Google's BERT code use it). */
  private static final float NORM_EPSILON = 1e-12f;

  public static final String INPUT = "states";

  /** The inputs of a graph that starts at the embedding layer ({@link #embeddedLayers}). */
  public static final String IDS = "ids";

  public static final String POSITIONS = "positions";

  /**
   * The file beside an {@link #embeddedLayers} graph that holds its word-piece table (32-bit
   * little-endian floats, row-major; ONNX external data), so the table can be mapped into memory
   * instead of read ({@link OnnxBertGraph#embedded}).
   */
  public static final String WORD_PIECES = "word-pieces.f32";

  /** The word-piece table's name in the graph. */
  static final String WORD_PIECE_TABLE = "embeddings.word";

  private static final String MICROSOFT = "com.microsoft";

  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("bert-layers");
  private final Map<String, OnnxInitializers.Tensor> weights;
  private final BertLayers.Dimensions shape;
  private final Kernels kernels;
  private final Gelu gelu;
  private final String splitHeads;
  private final String mergeHeads;
  private final String attentionScale;
  private int nodes;

  private BertGraph(
      Map<String, OnnxInitializers.Tensor> weights,
      BertLayers.Dimensions shape,
      Kernels kernels,
      Gelu gelu) {
    this.weights = weights;
    this.shape = shape;
    this.kernels = kernels;
    this.gelu = gelu;
    this.splitHeads = longs("split_heads", 1, -1, shape.heads(), shape.headSize());
    this.mergeHeads = longs("merge_heads", 1, -1, shape.hidden());
    this.attentionScale =
        floats("attention_scale", new long[0], 1f / (float) Math.sqrt(shape.headSize()));
  }

  /** Layers {@code from} (inclusive) to {@code to}: token vectors in, token vectors out. */
  public static byte[] layers(
      Map<String, OnnxInitializers.Tensor> weights,
      BertLayers.Dimensions shape,
      int from,
      int to,
      Kernels kernels,
      Gelu gelu) {
    BertGraph g = new BertGraph(weights, shape, kernels, gelu);
    String x = g.layers(INPUT, from, to);
    return g.model(List.of(g.input(INPUT, g.states())), x, g.states()).toByteArray();
  }

  /**
   * BERT's embedding layer and layers 0 to {@code to}: one post's word-piece ids and their
   * positions (int64 [1, tokens]) in, token vectors out, so nothing but ONNX Runtime runs the
   * network. The embedding weights are named {@code embeddings.word} [vocabulary × hidden], {@code
   * embeddings.position} [positions × hidden], {@code embeddings.type} (segment 0's row is used)
   * and {@code embeddings.norm.gamma/beta}. All in 32 bits: with the word-piece table in bfloat16
   * (it is 367 MB for multilingual BERT) the 8-bit layers after it moved some posts' flags
   * (docs/benchmarks.md); in 32 bits they get TensorFlow's embedding output up to float rounding.
   * The table is not in the graph but in {@link #WORD_PIECES} beside it ({@link #writeWordPieces}).
   */
  public static ModelProto embeddedLayers(
      Map<String, OnnxInitializers.Tensor> weights,
      BertLayers.Dimensions shape,
      int to,
      Kernels kernels,
      Gelu gelu) {
    BertGraph g = new BertGraph(weights, shape, kernels, gelu);
    String x = g.layers(g.embedded(), 0, to);
    return g.model(
        List.of(g.input(IDS, g.pieces()), g.input(POSITIONS, g.pieces())), x, g.states());
  }

  /**
   * Weights alone, as initializers of an empty graph: a file {@link OnnxInitializers#read} reads
   * back, never run.
   */
  public static ModelProto weights(Map<String, OnnxInitializers.Tensor> weights) {
    GraphProto.Builder g = GraphProto.newBuilder().setName("weights");
    weights.forEach(
        (name, w) ->
            g.addInitializer(
                tensor(name, TensorProto.DataType.FLOAT, w.shape(), littleEndian(w.values()))));
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("complaint-desk")
        .setGraph(g)
        .build();
  }

  /**
   * Layers {@code from} to {@code to}, then the mean of the token vectors, the head ([hidden ×
   * labels] row-major, and its bias) and softmax: the post's probabilities [1, labels].
   */
  public static byte[] classifier(
      Map<String, OnnxInitializers.Tensor> weights,
      BertLayers.Dimensions shape,
      int from,
      int to,
      Gelu gelu,
      float[] head,
      float[] headBias) {
    BertGraph g = new BertGraph(weights, shape, Kernels.FLOAT32, gelu);
    String x = g.layers(INPUT, from, to);
    String mean =
        g.node("ReduceMean", null, List.of(x), integers("axes", 1), integer("keepdims", 0));
    int labels = headBias.length;
    String logits =
        g.node(
            "Add",
            null,
            List.of(
                g.node(
                    "MatMul",
                    null,
                    List.of(mean, g.floats("head", new long[] {shape.hidden(), labels}, head))),
                g.floats("head_bias", new long[] {labels}, headBias)));
    String p = g.node("Softmax", null, List.of(logits), integer("axis", -1));
    return g.model(List.of(g.input(INPUT, g.states())), p, g.type(1, labels)).toByteArray();
  }

  private String layers(String input, int from, int to) {
    String x = input;
    for (int l = from; l < to; l++) {
      x = layer(l, x);
    }
    return x;
  }

  /** Word piece + position + segment 0, normalised, as BERT's embedding layer computes it. */
  private String embedded() {
    OnnxInitializers.Tensor word = weight(WORD_PIECE_TABLE);
    TensorProto.Builder table =
        TensorProto.newBuilder()
            .setName(WORD_PIECE_TABLE)
            .setDataType(TensorProto.DataType.FLOAT.getNumber())
            .setDataLocation(TensorProto.DataLocation.EXTERNAL)
            .addExternalData(entry("location", WORD_PIECES))
            .addExternalData(entry("offset", "0"))
            .addExternalData(entry("length", Long.toString(word.values().length * 4L)));
    for (long d : word.shape()) {
      table.addDims(d);
    }
    graph.addInitializer(table);
    String words = node("Gather", null, List.of(WORD_PIECE_TABLE, IDS));
    OnnxInitializers.Tensor position = weight("embeddings.position");
    String positions =
        node(
            "Gather",
            null,
            List.of(floats("embeddings.position", position.shape(), position.values()), POSITIONS));
    float[] segmentZero = Arrays.copyOf(weight("embeddings.type").values(), shape.hidden());
    String sum =
        node(
            "Add",
            null,
            List.of(
                node("Add", null, List.of(words, positions)),
                floats("embeddings.type0", new long[] {shape.hidden()}, segmentZero)));
    return norm(sum, "embeddings.norm");
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  /** Writes the word-piece table of {@code weights} as {@link #embeddedLayers} expects it. */
  public static void writeWordPieces(Map<String, OnnxInitializers.Tensor> weights, Path file)
      throws IOException {
    OnnxInitializers.Tensor table = weights.get(WORD_PIECE_TABLE);
    if (table == null) {
      throw new IllegalStateException("no weight " + WORD_PIECE_TABLE);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      ByteBuffer value = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : table.values()) {
        out.write(value.putFloat(0, v).array());
      }
    }
  }

  private ModelProto model(List<ValueInfoProto> inputs, String output, TypeProto outputType) {
    graph.addAllInput(inputs);
    graph.addOutput(ValueInfoProto.newBuilder().setName(output).setType(outputType));
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("complaint-desk")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(MICROSOFT).setVersion(1))
        .setGraph(graph)
        .build();
  }

  private ValueInfoProto input(String name, TypeProto type) {
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }

  private String layer(int l, String x) {
    String q = heads(dense(x, l + ".query"), 0, 2, 1, 3);
    String k = heads(dense(x, l + ".key"), 0, 2, 3, 1);
    String v = heads(dense(x, l + ".value"), 0, 2, 1, 3);
    String scores = node("Mul", null, List.of(node("MatMul", null, List.of(q, k)), attentionScale));
    String attention = node("Softmax", null, List.of(scores), integer("axis", -1));
    String context =
        node(
            "Reshape",
            null,
            List.of(
                node(
                    "Transpose",
                    null,
                    List.of(node("MatMul", null, List.of(attention, v))),
                    integers("perm", 0, 2, 1, 3)),
                mergeHeads));
    String x1 = norm(node("Add", null, List.of(dense(context, l + ".attention"), x)), l + ".norm1");
    String inner =
        node(
            gelu == Gelu.TANH ? "FastGelu" : "Gelu",
            MICROSOFT,
            List.of(dense(x1, l + ".intermediate")));
    return norm(node("Add", null, List.of(dense(inner, l + ".output"), x1)), l + ".norm2");
  }

  private String heads(String x, long... perm) {
    return node(
        "Transpose",
        null,
        List.of(node("Reshape", null, List.of(x, splitHeads))),
        integers("perm", perm));
  }

  /** x · W + b. */
  private String dense(String x, String name) {
    OnnxInitializers.Tensor w = weight(name + ".w");
    String bias = floats(name + ".b", new long[] {w.shape()[1]}, weight(name + ".b").values());
    if (kernels == Kernels.FLOAT32) {
      String product = node("MatMul", null, List.of(x, floats(name + ".w", w.shape(), w.values())));
      return node("Add", null, List.of(product, bias));
    }
    int in = (int) w.shape()[0];
    int out = (int) w.shape()[1];
    float[] scale = new float[out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        scale[j] = Math.max(scale[j], Math.abs(w.values()[i * out + j]));
      }
    }
    for (int j = 0; j < out; j++) {
      scale[j] = scale[j] > 0 ? scale[j] / 127f : 1f;
    }
    byte[] q = new byte[in * out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        q[i * out + j] = (byte) (Math.round(w.values()[i * out + j] / scale[j]) + 128);
      }
    }
    byte[] zero = new byte[out];
    Arrays.fill(zero, (byte) 128);
    return node(
        "DynamicQuantizeMatMul",
        MICROSOFT,
        List.of(
            x,
            bytes(name + ".q", w.shape(), q),
            floats(name + ".scale", new long[] {out}, scale),
            bytes(name + ".zero", new long[] {out}, zero),
            bias));
  }

  private String norm(String x, String name) {
    long[] dims = {shape.hidden()};
    return node(
        "LayerNormalization",
        null,
        List.of(
            x,
            floats(name + ".gamma", dims, weight(name + ".gamma").values()),
            floats(name + ".beta", dims, weight(name + ".beta").values())),
        AttributeProto.newBuilder()
            .setName("epsilon")
            .setType(AttributeProto.AttributeType.FLOAT)
            .setF(NORM_EPSILON)
            .build(),
        integer("axis", -1));
  }

  private OnnxInitializers.Tensor weight(String name) {
    OnnxInitializers.Tensor w = weights.get(name);
    if (w == null) {
      throw new IllegalStateException("no weight " + name);
    }
    return w;
  }

  private String node(String op, String domain, List<String> inputs, AttributeProto... attributes) {
    String output = op + "_" + nodes++;
    NodeProto.Builder node =
        NodeProto.newBuilder().setOpType(op).setName(output).addAllInput(inputs).addOutput(output);
    if (domain != null) {
      node.setDomain(domain);
    }
    for (AttributeProto a : attributes) {
      node.addAttribute(a);
    }
    graph.addNode(node);
    return output;
  }

  private String floats(String name, long[] dims, float... values) {
    return initializer(name, TensorProto.DataType.FLOAT, dims, littleEndian(values));
  }

  private static byte[] littleEndian(float[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    return raw.array();
  }

  private String bytes(String name, long[] dims, byte[] values) {
    return initializer(name, TensorProto.DataType.UINT8, dims, values);
  }

  private String longs(String name, long... values) {
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.INT64.getNumber())
            .addDims(values.length);
    for (long v : values) {
      t.addInt64Data(v);
    }
    graph.addInitializer(t);
    return name;
  }

  private String initializer(String name, TensorProto.DataType type, long[] dims, byte[] raw) {
    graph.addInitializer(tensor(name, type, dims, raw));
    return name;
  }

  private static TensorProto tensor(
      String name, TensorProto.DataType type, long[] dims, byte[] raw) {
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(type.getNumber())
            // The arrays are the initializers' own (never changed after): no second copy.
            .setRawData(UnsafeByteOperations.unsafeWrap(raw));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  /** [1, tokens] int64 (word-piece ids or positions), tokens set per call. */
  private TypeProto pieces() {
    return perToken(TensorProto.DataType.INT64);
  }

  /** [1, tokens, hidden] floats, tokens set per call. */
  private TypeProto states() {
    return perToken(TensorProto.DataType.FLOAT, shape.hidden());
  }

  /** [1, tokens, {@code inner}...], tokens set per call. */
  private static TypeProto perToken(TensorProto.DataType type, long... inner) {
    TensorShapeProto.Builder dims =
        TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("tokens"));
    for (long d : inner) {
      dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(dims))
        .build();
  }

  private TypeProto type(long... dims) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (long d : dims) {
      s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return TypeProto.newBuilder()
        .setTensorType(
            TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())
                .setShape(s))
        .build();
  }

  private static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  private static AttributeProto integers(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }
}
