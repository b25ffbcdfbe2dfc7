package org.complaintdesk.sentiment.network;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A {@link BertGraph} opened on ONNX Runtime: one post per call on one thread, like the encoders
 * (the scoring pool already runs one post per core), so a post's numbers never depend on the posts
 * read with it.
 */
public final class OnnxBertGraph implements AutoCloseable {
  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final int hidden;

  /** An initializer the session reads from a mapped file; must outlive the session. */
  private final OnnxTensor mapped;

  public OnnxBertGraph(byte[] model, int hidden) {
    this.hidden = hidden;
    this.mapped = null;
    try (OrtSession.SessionOptions options = options()) {
      this.session = environment.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open a BERT graph on ONNX Runtime", e);
    }
  }

  /** A graph written to a file: ONNX Runtime reads it itself, so it never passes the Java heap. */
  public OnnxBertGraph(Path model, int hidden) {
    this.hidden = hidden;
    this.mapped = null;
    try (OrtSession.SessionOptions options = options()) {
      this.session = environment.createSession(model.toString(), options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open the BERT graph " + model, e);
    }
  }

  /**
   * A {@link BertGraph#embeddedLayers} graph written to a file, its word-piece table ({@link
   * BertGraph#WORD_PIECES} beside it, where the graph's external data points) mapped into memory
   * and handed to ONNX Runtime as that initializer ({@code SessionOptions.addInitializer}, which
   * uses it without a copy): only the pages a post's lookups touch are read, and the operating
   * system shares them and can drop them. For multilingual BERT's 367 MB word-piece table.
   */
  public static OnnxBertGraph embedded(Path model, int hidden) {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      return new OnnxBertGraph(model, hidden); // ONNX Runtime reads the external data itself
    }
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    Path raw = model.resolveSibling(BertGraph.WORD_PIECES);
    try (FileChannel channel = FileChannel.open(raw, StandardOpenOption.READ)) {
      FloatBuffer values =
          channel
              .map(FileChannel.MapMode.READ_ONLY, 0, channel.size())
              .order(ByteOrder.LITTLE_ENDIAN)
              .asFloatBuffer();
      OnnxTensor table =
          OnnxTensor.createTensor(
              environment, values, new long[] {values.capacity() / hidden, hidden});
      try (OrtSession.SessionOptions options = options()) {
        options.addInitializer(BertGraph.WORD_PIECE_TABLE, table);
        return new OnnxBertGraph(
            environment.createSession(model.toString(), options), hidden, table);
      } catch (OrtException | RuntimeException e) {
        table.close();
        throw e;
      }
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("cannot open the BERT graph " + model, e);
    }
  }

  private OnnxBertGraph(OrtSession session, int hidden, OnnxTensor mapped) {
    this.session = session;
    this.hidden = hidden;
    this.mapped = mapped;
  }

  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    return options;
  }

  /** The graph's output for one post's token vectors ([tokens × hidden], row-major). */
  public float[] run(float[] states) {
    long tokens = states.length / hidden;
    try (OnnxTensor in =
            OnnxTensor.createTensor(
                environment, FloatBuffer.wrap(states), new long[] {1, tokens, hidden});
        OrtSession.Result result = session.run(Map.of(BertGraph.INPUT, in))) {
      return values(result);
    } catch (OrtException e) {
      throw new IllegalStateException("a BERT graph failed on a post", e);
    }
  }

  /**
   * The output of a graph that starts at the embedding layer ({@link BertGraph#embeddedLayers}) for
   * one post's word-piece ids.
   */
  public float[] runPieces(int[] ids) {
    long[] pieces = new long[ids.length];
    long[] positions = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      pieces[i] = ids[i];
      positions[i] = i;
    }
    long[] shape = {1, ids.length};
    try (OnnxTensor in = OnnxTensor.createTensor(environment, LongBuffer.wrap(pieces), shape);
        OnnxTensor at = OnnxTensor.createTensor(environment, LongBuffer.wrap(positions), shape);
        OrtSession.Result result =
            session.run(Map.of(BertGraph.IDS, in, BertGraph.POSITIONS, at))) {
      return values(result);
    } catch (OrtException e) {
      throw new IllegalStateException("a BERT graph failed on a post", e);
    }
  }

  private static float[] values(OrtSession.Result result) throws OrtException {
    FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
    float[] values = new float[out.remaining()];
    out.get(values);
    return values;
  }

  @Override
  public void close() {
    try {
      session.close();
      if (mapped != null) {
        mapped.close();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close a BERT graph", e);
    }
  }
}
