package org.complaintdesk.sentiment.english;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;

/**
 * The quantized e5-small-v2 sentence encoder (Wang et al. 2022, MIT licence): 12 transformer
 * layers, 384 dimensions, 34 MB, run in-process on ONNX Runtime through LangChain4j's packaged
 * model. The weights ship inside a Maven artifact, so nothing is downloaded at run time.
 *
 * <p>Encoding runs on the calling thread (a direct executor): the sentiment worker pool already
 * bounds how many posts are scored at once, and LangChain4j's own pool would add threads behind its
 * back. E5 expects the {@code "query: "} prefix for single texts such as classification inputs.
 */
public final class E5SentenceEncoder implements SentenceEncoder {
  private static final int DIMENSIONS = 384;

  static {
    DjlOffline.apply();
  }

  private final EmbeddingModel model = new E5SmallV2QuantizedEmbeddingModel(Runnable::run);

  @Override
  public String name() {
    return "e5";
  }

  @Override
  public float[] encode(String text) {
    String input = text == null || text.isBlank() ? "." : text;
    return model.embed("query: " + input).content().vector();
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }
}
