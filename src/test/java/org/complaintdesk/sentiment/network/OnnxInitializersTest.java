package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ONNX files written here field by field, as onnx.proto lays them out. */
class OnnxInitializersTest {
  @Test
  void readsAFloatWeightFromItsRawBytes() throws IOException {
    byte[] model =
        model(
            tensor("w", 1, new long[] {2, 2}, floats(1f, -2f, 0.5f, 3f), null, null),
            tensor("other", 1, new long[] {1}, floats(7f), null, null));
    Map<String, OnnxInitializers.Tensor> read = OnnxInitializers.read(model);
    assertThat(read.get("w").shape()).containsExactly(2, 2);
    assertThat(read.get("w").values()).containsExactly(1f, -2f, 0.5f, 3f);
    assertThat(read.get("other").values()).containsExactly(7f);
  }

  @Test
  void dequantizesAnEightBitWeightPerOutputColumn() throws IOException {
    // int8 [2 rows, 3 columns], a scale and a zero point per column (stored as repeated fields).
    byte[] q = {10, -4, 0, 2, 6, 127};
    byte[] model =
        model(
            tensor("m_quantized", 3, new long[] {2, 3}, q, null, null),
            tensor("m_scale", 1, new long[] {3}, null, new float[] {0.5f, 0.25f, 2f}, null),
            tensor("m_zero_point", 3, new long[] {3}, null, null, new int[] {2, -4, 0}));
    OnnxInitializers.Tensor m = OnnxInitializers.read(model).get("m");
    assertThat(m.shape()).containsExactly(2, 3);
    assertThat(m.values()).containsExactly((10 - 2) * 0.5f, 0f, 0f, 0f, 10 * 0.25f, 254f);
    assertThat(OnnxInitializers.read(model)).doesNotContainKeys("m_scale", "m_zero_point");
  }

  @Test
  void readsUnsignedEightBitsWithOneScaleForTheWholeTensor() throws IOException {
    byte[] model =
        model(
            tensor("e_quantized", 2, new long[] {3}, new byte[] {(byte) 200, 0, 100}, null, null),
            tensor("e_scale", 1, new long[] {}, null, new float[] {0.1f}, null),
            tensor("e_zero_point", 2, new long[] {}, null, null, new int[] {100}));
    assertThat(OnnxInitializers.read(model).get("e").values())
        .containsExactly(new float[] {10f, -10f, 0f}, within(1e-5f));
  }

  private static byte[] floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  /** A TensorProto: dims (1, packed), data_type (2), float_data (4), int32_data (5), name (8). */
  private static byte[] tensor(
      String name, int type, long[] dims, byte[] raw, float[] floats, int[] ints)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (long d : dims) {
      out.writeInt64(1, d);
    }
    out.writeInt32(2, type);
    if (floats != null) {
      for (float f : floats) {
        out.writeFloat(4, f);
      }
    }
    if (ints != null) {
      for (int i : ints) {
        out.writeInt32(5, i);
      }
    }
    out.writeString(8, name);
    if (raw != null) {
      out.writeBytes(9, ByteString.copyFrom(raw));
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** A ModelProto (ir_version 1, graph 7) whose GraphProto holds the initializers (5). */
  private static byte[] model(byte[]... tensors) throws IOException {
    ByteArrayOutputStream graphBytes = new ByteArrayOutputStream();
    CodedOutputStream graph = CodedOutputStream.newInstance(graphBytes);
    graph.writeString(2, "g");
    for (byte[] t : tensors) {
      graph.writeByteArray(5, t);
    }
    graph.flush();
    ByteArrayOutputStream modelBytes = new ByteArrayOutputStream();
    CodedOutputStream model = CodedOutputStream.newInstance(modelBytes);
    model.writeInt64(1, 8);
    model.writeByteArray(7, graphBytes.toByteArray());
    model.flush();
    return modelBytes.toByteArray();
  }
}
