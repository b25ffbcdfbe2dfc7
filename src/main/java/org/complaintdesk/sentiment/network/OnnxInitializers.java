package org.complaintdesk.sentiment.network;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the weights (the graph's initializers) out of an ONNX model file, so a network published
 * only as ONNX can be rebuilt, and fine-tuned, on another engine. ONNX Runtime runs a model but
 * does not hand out its weights, and no ONNX schema is published as a Maven artifact; the file is a
 * protocol buffer, read here with protobuf-java's wire-format reader (already on the classpath
 * through CoreNLP) and the field numbers of onnx.proto.
 *
 * <p>Weights quantized to 8 bits ({@code NAME_quantized} with {@code NAME_scale} and {@code
 * NAME_zero_point}, per tensor or per output column) come back as floats under {@code NAME}.
 */
public final class OnnxInitializers {
  // onnx.proto: ModelProto.graph, GraphProto.initializer, TensorProto fields.
  static final int MODEL_GRAPH = 7;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_FLOAT_DATA = 4;
  private static final int TENSOR_INT32_DATA = 5;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  // TensorProto.DataType
  static final int FLOAT = 1;
  private static final int UINT8 = 2;
  private static final int INT8 = 3;
  private static final int INT64 = 7;

  private static final String QUANTIZED = "_quantized";
  private static final String SCALE = "_scale";
  private static final String ZERO_POINT = "_zero_point";

  /** One weight: its shape and values, row-major. */
  public record Tensor(long[] shape, float[] values) {}

  private OnnxInitializers() {}

  /** Every initializer of the model, dequantized, by name, in the file's order. */
  public static Map<String, Tensor> read(byte[] model) throws IOException {
    Map<String, Tensor> raw = new LinkedHashMap<>();
    CodedInputStream in = CodedInputStream.newInstance(model);
    in.setSizeLimit(Integer.MAX_VALUE);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
        readGraph(in.readBytes().newCodedInput(), raw);
      } else {
        in.skipField(tag);
      }
    }
    return dequantized(raw);
  }

  private static void readGraph(CodedInputStream graph, Map<String, Tensor> out)
      throws IOException {
    graph.setSizeLimit(Integer.MAX_VALUE);
    for (int tag = graph.readTag(); tag != 0; tag = graph.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == GRAPH_INITIALIZER) {
        readTensor(graph.readBytes().newCodedInput(), out);
      } else {
        graph.skipField(tag);
      }
    }
  }

  private static void readTensor(CodedInputStream t, Map<String, Tensor> out) throws IOException {
    t.setSizeLimit(Integer.MAX_VALUE);
    List<Long> dims = new ArrayList<>();
    List<Float> floats = new ArrayList<>();
    List<Integer> ints = new ArrayList<>();
    String name = null;
    int type = 0;
    ByteBuffer rawData = null;
    for (int tag = t.readTag(); tag != 0; tag = t.readTag()) {
      boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      switch (WireFormat.getTagFieldNumber(tag)) {
        case TENSOR_DIMS -> readRepeated(t, packed, () -> dims.add(t.readInt64()));
        case TENSOR_DATA_TYPE -> type = t.readInt32();
        case TENSOR_FLOAT_DATA -> readRepeated(t, packed, () -> floats.add(t.readFloat()));
        case TENSOR_INT32_DATA -> readRepeated(t, packed, () -> ints.add(t.readInt32()));
        case TENSOR_NAME -> name = t.readString();
        case TENSOR_RAW_DATA -> rawData = t.readByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
        default -> t.skipField(tag);
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    float[] values = new float[Math.toIntExact(count)];
    for (int k = 0; k < values.length; k++) {
      values[k] =
          rawData != null
              ? rawValue(rawData, type, k)
              : type == FLOAT
                  ? floats.get(k)
                  : type == INT8 ? (byte) (int) ints.get(k) : ints.get(k);
    }
    out.put(name, new Tensor(shape, values));
  }

  private static float rawValue(ByteBuffer raw, int type, int k) {
    return switch (type) {
      case FLOAT -> raw.getFloat(k * Float.BYTES);
      case UINT8 -> raw.get(k) & 0xff;
      case INT8 -> raw.get(k);
      case INT64 -> raw.getLong(k * Long.BYTES);
      default -> throw new IllegalArgumentException("unsupported ONNX tensor type " + type);
    };
  }

  private interface Reader {
    void read() throws IOException;
  }

  private static void readRepeated(CodedInputStream t, boolean packed, Reader one)
      throws IOException {
    if (!packed) {
      one.read();
      return;
    }
    int limit = t.pushLimit(t.readRawVarint32());
    while (t.getBytesUntilLimit() > 0) {
      one.read();
    }
    t.popLimit(limit);
  }

  /** (q − zero point) × scale, per tensor or per output column (the last dimension). */
  private static Map<String, Tensor> dequantized(Map<String, Tensor> raw) {
    Map<String, Tensor> out = new HashMap<>();
    raw.forEach(
        (name, tensor) -> {
          if (name.endsWith(SCALE) || name.endsWith(ZERO_POINT)) {
            return;
          }
          if (!name.endsWith(QUANTIZED)) {
            out.put(name, tensor);
            return;
          }
          String base = name.substring(0, name.length() - QUANTIZED.length());
          float[] scale = raw.get(base + SCALE).values();
          float[] zero = raw.get(base + ZERO_POINT).values();
          long[] shape = tensor.shape();
          int columns = (int) shape[shape.length - 1];
          float[] q = tensor.values();
          float[] values = new float[q.length];
          for (int k = 0; k < q.length; k++) {
            int c = scale.length == 1 ? 0 : k % columns;
            values[k] = (q[k] - zero[c]) * scale[c];
          }
          out.put(base, new Tensor(shape, values));
        });
    return out;
  }
}
