package org.complaintdesk.sentiment.network;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes an intermediate tensor of an ONNX model one of its outputs, so ONNX Runtime hands it out
 * from the same run as the model's own output (ONNX Runtime returns graph outputs only). The model
 * is a protocol buffer: the graph gets one more {@code output} entry, everything else is copied.
 */
public final class OnnxOutputs {
  // onnx.proto: GraphProto.output, ValueInfoProto.name/.type, TypeProto.tensor_type,
  // TypeProto.Tensor.elem_type (ModelProto.graph and FLOAT as OnnxInitializers reads them).
  private static final int MODEL_GRAPH = OnnxInitializers.MODEL_GRAPH;
  private static final int GRAPH_OUTPUT = 12;
  private static final int VALUE_NAME = 1;
  private static final int VALUE_TYPE = 2;
  private static final int TYPE_TENSOR = 1;
  private static final int TENSOR_ELEM_TYPE = 1;
  private static final int FLOAT = OnnxInitializers.FLOAT;

  private OnnxOutputs() {}

  /** The model with the float tensor {@code name} added to its outputs. */
  public static byte[] withOutput(byte[] model, String name) {
    try {
      byte[] output =
          message(
              out -> {
                out.writeString(VALUE_NAME, name);
                out.writeByteArray(
                    VALUE_TYPE,
                    message(
                        type ->
                            type.writeByteArray(
                                TYPE_TENSOR,
                                message(tensor -> tensor.writeInt32(TENSOR_ELEM_TYPE, FLOAT)))));
              });
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length + output.length + 16);
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      CodedInputStream in = CodedInputStream.newInstance(model);
      in.setSizeLimit(Integer.MAX_VALUE);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
          ByteString graph = in.readBytes();
          out.writeByteArray(
              MODEL_GRAPH,
              message(
                  g -> {
                    g.writeRawBytes(graph);
                    g.writeByteArray(GRAPH_OUTPUT, output);
                  }));
        } else {
          in.skipField(tag, out);
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("not an ONNX model", e);
    }
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Writer writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writer.write(out);
    out.flush();
    return bytes.toByteArray();
  }
}
