package org.complaintdesk.sentiment.network;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
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
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open a BERT graph on ONNX Runtime", e);
    }
  }

  /** The graph's output for one post's token vectors ([tokens × hidden], row-major). */
  public float[] run(float[] states) {
    long tokens = states.length / hidden;
    try (OnnxTensor in =
            OnnxTensor.createTensor(
                environment, FloatBuffer.wrap(states), new long[] {1, tokens, hidden});
        OrtSession.Result result = session.run(Map.of(BertGraph.INPUT, in))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] values = new float[out.remaining()];
      out.get(values);
      return values;
    } catch (OrtException e) {
      throw new IllegalStateException("a BERT graph failed on a post", e);
    }
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
