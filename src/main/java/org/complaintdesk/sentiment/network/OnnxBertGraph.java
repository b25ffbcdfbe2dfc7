package org.complaintdesk.sentiment.network;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
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

  public OnnxBertGraph(byte[] model, int hidden) {
    this.hidden = hidden;
    try (OrtSession.SessionOptions options = options()) {
      this.session = environment.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open a BERT graph on ONNX Runtime", e);
    }
  }

  /** A graph written to a file: ONNX Runtime reads it itself, so it never passes the Java heap. */
  public OnnxBertGraph(Path model, int hidden) {
    this.hidden = hidden;
    try (OrtSession.SessionOptions options = options()) {
      this.session = environment.createSession(model.toString(), options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open the BERT graph " + model, e);
    }
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
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close a BERT graph", e);
    }
  }
}
