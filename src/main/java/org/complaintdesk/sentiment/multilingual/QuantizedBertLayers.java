package org.complaintdesk.sentiment.multilingual;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.complaintdesk.sentiment.network.BertLayers;
import org.complaintdesk.sentiment.network.OnnxInitializers;

/**
 * Multilingual BERT's lower layers with 8-bit weights, on ONNX Runtime: the same layers TensorFlow
 * runs, written as an ONNX graph when the encoder opens, every dense kernel quantized per output
 * column. Why: with the multilingual tone network every post in an n-gram language runs these
 * layers, and in 32-bit floats they were four fifths of its scoring time (TensorFlow 57 ms a post,
 * this 11 ms on one core; docs/benchmarks.md). ONNX Runtime's {@code DynamicQuantizeMatMul}
 * quantizes each layer's input per call and multiplies in integers.
 *
 * <p>The weights are stored as unsigned bytes around 128 (u8u8): ONNX Runtime documents that signed
 * weights can saturate on x86 CPUs with AVX2 but without VNNI, and on CPUs with VNNI the two run
 * alike. One post per call on one thread, like the other encoders: a post's numbers never depend on
 * the posts read with it.
 */
final class QuantizedBertLayers implements AutoCloseable {
  /** BERT's layer norm epsilon (TensorFlow's layer_norm in Google's BERT code). */
  private static final float NORM_EPSILON = 1e-12f;

  private static final String INPUT = "embedded";
  private static final String MICROSOFT = "com.microsoft";

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final int hidden;

  private QuantizedBertLayers(byte[] model, int hidden) {
    this.hidden = hidden;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open multilingual BERT's 8-bit layers", e);
    }
  }

  /**
   * Layers 0 to {@code layers} (exclusive) of a BERT of this shape, from weights named as {@link
   * BertLayers} takes them ({@code "3.query.w"}, kernels [in, out]).
   */
  static QuantizedBertLayers of(
      Map<String, OnnxInitializers.Tensor> weights, int layers, BertLayers.Dimensions shape) {
    return new QuantizedBertLayers(graph(weights, layers, shape), shape.hidden());
  }

  /**
   * The token vectors after the layers for one post's embeddings (the embedding layer's output,
   * [tokens × hidden] row-major), in the same layout.
   */
  float[] run(float[] embedded, int tokens) {
    try (OnnxTensor in =
            OnnxTensor.createTensor(
                environment, FloatBuffer.wrap(embedded), new long[] {1, tokens, hidden});
        OrtSession.Result result = session.run(Map.of(INPUT, in))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] states = new float[out.remaining()];
      out.get(states);
      return states;
    } catch (OrtException e) {
      throw new IllegalStateException("multilingual BERT's 8-bit layers failed on a post", e);
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }

  static byte[] graph(
      Map<String, OnnxInitializers.Tensor> weights, int layers, BertLayers.Dimensions shape) {
    Graph g = new Graph(weights, shape);
    String x = INPUT;
    for (int l = 0; l < layers; l++) {
      x = g.layer(l, x);
    }
    TypeProto states = g.statesType();
    g.graph.addInput(ValueInfoProto.newBuilder().setName(INPUT).setType(states));
    g.graph.addOutput(ValueInfoProto.newBuilder().setName(x).setType(states));
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("complaint-desk")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(MICROSOFT).setVersion(1))
        .setGraph(g.graph)
        .build()
        .toByteArray();
  }

  /** The graph being written: the same operations, in the same order, as {@link BertLayers}. */
  private static final class Graph {
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("bert-lower-layers");
    private final Map<String, OnnxInitializers.Tensor> weights;
    private final BertLayers.Dimensions shape;
    private final String splitHeads;
    private final String mergeHeads;
    private final String attentionScale;
    private int nodes;

    Graph(Map<String, OnnxInitializers.Tensor> weights, BertLayers.Dimensions shape) {
      this.weights = weights;
      this.shape = shape;
      this.splitHeads = longs("split_heads", 1, -1, shape.heads(), shape.headSize());
      this.mergeHeads = longs("merge_heads", 1, -1, shape.hidden());
      this.attentionScale =
          floats("attention_scale", new long[0], 1f / (float) Math.sqrt(shape.headSize()));
    }

    String layer(int l, String x) {
      String q = heads(dense(x, l + ".query"), 0, 2, 1, 3);
      String k = heads(dense(x, l + ".key"), 0, 2, 3, 1);
      String v = heads(dense(x, l + ".value"), 0, 2, 1, 3);
      String scores =
          node("Mul", null, List.of(node("MatMul", null, List.of(q, k)), attentionScale));
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
      String x1 =
          norm(node("Add", null, List.of(dense(context, l + ".attention"), x)), l + ".norm1");
      // Google's BERT uses GELU's tanh form, which is ONNX Runtime's FastGelu.
      String inner = node("FastGelu", MICROSOFT, List.of(dense(x1, l + ".intermediate")));
      return norm(node("Add", null, List.of(dense(inner, l + ".output"), x1)), l + ".norm2");
    }

    private String heads(String x, long... perm) {
      return node(
          "Transpose",
          null,
          List.of(node("Reshape", null, List.of(x, splitHeads))),
          integers("perm", perm));
    }

    /** x · W + b with W in bytes, one scale per output column. */
    private String dense(String x, String name) {
      OnnxInitializers.Tensor w = weight(name + ".w");
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
      java.util.Arrays.fill(zero, (byte) 128);
      return node(
          "DynamicQuantizeMatMul",
          MICROSOFT,
          List.of(
              x,
              bytes(name + ".q", w.shape(), q),
              floats(name + ".scale", new long[] {out}, scale),
              bytes(name + ".zero", new long[] {out}, zero),
              floats(name + ".b", new long[] {out}, weight(name + ".b").values())));
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

    private String node(
        String op, String domain, List<String> inputs, AttributeProto... attributes) {
      String output = op + "_" + nodes++;
      NodeProto.Builder node =
          NodeProto.newBuilder()
              .setOpType(op)
              .setName(output)
              .addAllInput(inputs)
              .addOutput(output);
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
      ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      raw.asFloatBuffer().put(values);
      return initializer(name, TensorProto.DataType.FLOAT, dims, raw.array());
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
      TensorProto.Builder t =
          TensorProto.newBuilder()
              .setName(name)
              .setDataType(type.getNumber())
              .setRawData(ByteString.copyFrom(raw));
      for (long d : dims) {
        t.addDims(d);
      }
      graph.addInitializer(t);
      return name;
    }

    /** [1, tokens, hidden] floats, tokens set per call. */
    TypeProto statesType() {
      return TypeProto.newBuilder()
          .setTensorType(
              TypeProto.Tensor.newBuilder()
                  .setElemType(TensorProto.DataType.FLOAT.getNumber())
                  .setShape(
                      TensorShapeProto.newBuilder()
                          .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                          .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("tokens"))
                          .addDim(
                              TensorShapeProto.Dimension.newBuilder().setDimValue(shape.hidden()))))
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
}
