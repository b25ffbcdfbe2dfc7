package org.complaintdesk.sentiment.network;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes layers of a published network ({@link PublishedNetwork}: the top layers of e5-small-v2
 * for English, the layer above multilingual BERT's encoder output for the n-gram languages) and a
 * classification head on labelled posts: the network learns what a post's tone looks like, where
 * the sentence encoder's frozen numbers only let a linear layer weigh what the network already knew
 * (docs/model-card.md).
 *
 * <p>Only {@link Options#tunedLayers} layers change and the network ends after them, so the lower
 * layers' output (the encoder's own run, {@link LowerLayers}, as in scoring) is computed once per
 * post and kept in memory; each epoch then runs the tuned layers alone, forward and backward. AdamW
 * (DJL's) with a linear warm-up over the first 6% of steps and a linear decay to zero, class
 * weights inverse to each class's share (a post's weight multiplies in, so a correction counts as
 * often as {@code train} weighs it), dropout as the network was pretrained with. Deterministic for
 * the same posts, options and CPU kind.
 */
public final class ToneNetworkTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(ToneNetworkTrainer.class);

  /** The sentence encoder cuts posts here (far beyond any post). */
  private static final int MAX_TOKENS = 512;

  private static final float WARM_UP_SHARE = 0.06f;
  private static final float HEAD_INIT = 0.02f;

  /**
   * @param tunedLayers how many layers change ({@link PublishedNetwork#firstTuned} says which)
   * @param threads PyTorch threads per operation (the cores to use)
   * @param networks how many networks to tune, seeds {@code seed}, {@code seed + 1}, …; their
   *     probabilities are averaged (an ensemble: networks that differ only in their random start
   *     and order of posts make different mistakes)
   */
  public record Options(
      int tunedLayers,
      int epochs,
      float learningRate,
      int batchSize,
      float dropout,
      float weightDecay,
      long seed,
      int threads,
      int networks,
      boolean eightBit) {
    public Options {
      if (networks < 1) {
        throw new IllegalArgumentException("at least one network");
      }
    }

    /**
     * What the shipped model's English tone network was trained with (docs/model-card.md): e5's top
     * six layers, their changes in 8 bits so the model file stays under 30 MB.
     */
    public static Options defaults() {
      return new Options(
          6, 3, 1e-4f, 32, 0.1f, 0.01f, 42, Runtime.getRuntime().availableProcessors(), 1, true);
    }

    /**
     * The multilingual tone network's: the English recipe on one layer of multilingual BERT, kept
     * in 8 bits (one 768-wide layer is 7.1 million numbers, 14 MB as bfloat16).
     */
    public static Options multilingualDefaults() {
      return defaults().withTunedLayers(1).withEightBit(true);
    }

    /** The same with {@code layers} layers tuned. */
    public Options withTunedLayers(int layers) {
      return copy(layers, networks, eightBit, seed);
    }

    /** The same with {@code count} networks. */
    public Options withNetworks(int count) {
      return copy(tunedLayers, count, eightBit, seed);
    }

    /**
     * The same with one network's changes kept in 8 bits ({@link TunedLayers.Int8Change}) or, if
     * not, as bfloat16, as models before {@code default-2026.12w} did (about twice the size;
     * ensemble members are 8-bit either way).
     */
    public Options withEightBit(boolean int8) {
      return copy(tunedLayers, networks, int8, seed);
    }

    /** The recipe unchanged (epochs, rate, batch, dropout, decay, threads), the rest as given. */
    private Options copy(int layers, int count, boolean int8, long start) {
      return new Options(
          layers,
          epochs,
          learningRate,
          batchSize,
          dropout,
          weightDecay,
          start,
          threads,
          count,
          int8);
    }

    /** 8-bit changes when asked for, and for every member of an ensemble (size). */
    boolean storesEightBit() {
      return eightBit || networks > 1;
    }

    String describe(int first) {
      return String.format(
          Locale.ROOT,
          "%d layers from layer %d, %d epochs, lr %.0e, batch %d, dropout %.1f, seed %d%s%s",
          tunedLayers,
          first,
          epochs,
          learningRate,
          batchSize,
          dropout,
          seed,
          networks > 1 ? ", one of " + networks + " networks averaged" : "",
          storesEightBit() ? ", 8-bit changes" : "");
    }

    /** One network of an ensemble: its own seed. */
    private Options member(int k) {
      return copy(tunedLayers, networks, eightBit, seed + k);
    }
  }

  /** One labelled post: its text, the index of its label, and how many times it counts. */
  public record Example(String text, int label, float weight) {}

  private final Options options;
  private final PublishedNetwork network;

  /**
   * @param network the published network, whose lower layers' output (the encoder's run) the tuned
   *     layers learn to read
   */
  public ToneNetworkTrainer(Options options, PublishedNetwork network) {
    this.options = options;
    this.network = network;
  }

  /** {@link Options#networks} networks tuned on all examples. */
  public List<TunedLayers> train(List<Example> examples, List<String> labels, String source) {
    int first = firstTuned();
    float[][] states = lowerLayers(examples, first);
    return tuneAll(
        new Inputs(states, examples, labels, first, published(first), source), allRows(examples));
  }

  /**
   * The networks tuned on all examples, and each example's probabilities from networks tuned on the
   * other folds only (averaged as in scoring): what {@code train} needs to choose a rule that reads
   * the networks' output without scoring posts they learned.
   *
   * @param outOfFold [example][label]
   */
  public record Tuning(List<TunedLayers> tuned, double[][] outOfFold) {}

  /**
   * @param fold each example's fold, 0 to {@code folds - 1}
   */
  public Tuning trainWithOutOfFold(
      List<Example> examples, int[] fold, int folds, List<String> labels, String source) {
    int first = firstTuned();
    float[][] states = lowerLayers(examples, first);
    Map<String, OnnxInitializers.Tensor> published = published(first);
    Inputs inputs = new Inputs(states, examples, labels, first, published, source);
    double[][] outOfFold = new double[examples.size()][];
    for (int f = 0; f < folds; f++) {
      int held = f;
      List<Integer> train =
          IntStream.range(0, examples.size()).filter(i -> fold[i] != held).boxed().toList();
      LOG.info("tone network: fold {}/{}, tuning on {} posts", f + 1, folds, train.size());
      List<TunedLayers> tuned = tuneAll(inputs, train);
      List<TunedNetwork> networks = new ArrayList<>();
      try {
        for (TunedLayers t : tuned) {
          networks.add(TunedNetwork.open(t, network, published));
        }
        IntStream.range(0, examples.size())
            .parallel()
            .filter(i -> fold[i] == held)
            .forEach(
                i ->
                    outOfFold[i] =
                        AveragedNetworks.mean(
                            networks.stream().map(n -> n.probabilitiesOfStates(states[i]))));
      } finally {
        networks.forEach(TunedNetwork::close);
      }
    }
    List<TunedLayers> all = tuneAll(inputs, allRows(examples));
    return new Tuning(all, outOfFold);
  }

  /**
   * What every tuning of one {@code train} call shares: the lower layers' output per post, the
   * posts, the classes, the first tuned layer, its published weights, and the source to record.
   */
  private record Inputs(
      float[][] states,
      List<Example> examples,
      List<String> labels,
      int first,
      Map<String, OnnxInitializers.Tensor> published,
      String source) {}

  private List<TunedLayers> tuneAll(Inputs inputs, List<Integer> rows) {
    List<TunedLayers> out = new ArrayList<>();
    for (int k = 0; k < options.networks(); k++) {
      out.add(tune(options.member(k), inputs, rows));
    }
    return out;
  }

  private static List<Integer> allRows(List<Example> examples) {
    return IntStream.range(0, examples.size()).boxed().toList();
  }

  /** The published weights of the layers to tune. */
  private Map<String, OnnxInitializers.Tensor> published(int first) {
    return network.weights().of(first, first + options.tunedLayers());
  }

  private int firstTuned() {
    int first = network.firstTuned().applyAsInt(options.tunedLayers());
    if (first < 0 || first + options.tunedLayers() > network.shape().layers()) {
      throw new IllegalArgumentException(
          network.name() + " has no " + options.tunedLayers() + " layers to tune");
    }
    if (!network.lower().offers(first)) {
      throw new IllegalArgumentException("the encoder does not give layer " + first + "'s output");
    }
    return first;
  }

  /** Tunes a fresh copy of the published top layers and a new head on {@code rows}. */
  private TunedLayers tune(Options options, Inputs inputs, List<Integer> rows) {
    float[][] states = inputs.states();
    List<Example> examples = inputs.examples();
    List<String> labels = inputs.labels();
    int first = inputs.first();
    Map<String, OnnxInitializers.Tensor> published = inputs.published();
    String source = inputs.source();
    BertLayers.Dimensions dims = network.shape();
    BertLayers.pytorch(options.threads());
    Engine.getInstance().setRandomSeed((int) options.seed());
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, NDArray> weights = NetworkWeights.create(manager, published);
      BertLayers layers = new BertLayers(dims, weights);
      Random random = new Random(options.seed());
      float[] headInit = new float[dims.hidden() * labels.size()];
      for (int i = 0; i < headInit.length; i++) {
        headInit[i] = (float) random.nextGaussian() * HEAD_INIT;
      }
      NDArray head = manager.create(headInit, new Shape(dims.hidden(), labels.size()));
      NDArray headBias = manager.zeros(new Shape(labels.size()));
      List<Trainable> trainable = trainable(options, weights, head, headBias, rows.size());
      float[] classWeights = classWeights(rows.stream().map(examples::get).toList(), labels.size());
      NDArray classWeightArray = manager.create(classWeights);
      List<Integer> order = new ArrayList<>(rows);
      for (int epoch = 0; epoch < options.epochs(); epoch++) {
        Collections.shuffle(order, random);
        long t0 = System.nanoTime();
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < order.size(); start += options.batchSize()) {
          List<Integer> batch =
              order.subList(start, Math.min(order.size(), start + options.batchSize()));
          lossSum +=
              step(
                  options,
                  layers,
                  first,
                  first + options.tunedLayers(),
                  states,
                  examples,
                  batch,
                  head,
                  headBias,
                  classWeightArray,
                  manager);
          batches++;
          for (Trainable t : trainable) {
            t.update();
          }
        }
        LOG.info(
            String.format(
                Locale.ROOT,
                "tone network epoch %d/%d: loss %.4f, %.0f s",
                epoch + 1,
                options.epochs(),
                lossSum / batches,
                (System.nanoTime() - t0) / 1e9));
      }
      return result(options, published, weights, first, head, headBias, labels, source);
    }
  }

  /** The lower layers' output for every post, flattened to [tokens × hidden] floats. */
  private float[][] lowerLayers(List<Example> examples, int first) {
    long t0 = System.nanoTime();
    float[][] out = new float[examples.size()][];
    IntStream.range(0, examples.size())
        .parallel()
        .forEach(
            i ->
                out[i] =
                    TunedNetwork.flatten(network.lower().states(examples.get(i).text(), first)));
    LOG.info(
        String.format(
            Locale.ROOT,
            "tone network: layers 1-%d computed once for %d posts in %.0f s",
            first,
            examples.size(),
            (System.nanoTime() - t0) / 1e9));
    return out;
  }

  /** One batch forward and backward; returns its loss. Gradients are left on the weights. */
  private static double step(
      Options options,
      BertLayers layers,
      int first,
      int end,
      float[][] states,
      List<Example> examples,
      List<Integer> rows,
      NDArray head,
      NDArray headBias,
      NDArray classWeights,
      NDManager manager) {
    int hidden = layers.dimensions().hidden();
    int tokens = rows.stream().mapToInt(r -> states[r].length / hidden).max().orElse(1);
    float[] x = new float[rows.size() * tokens * hidden];
    int[] lengths = new int[rows.size()];
    long[] labels = new long[rows.size()];
    float[] postWeights = new float[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      int row = rows.get(r);
      System.arraycopy(states[row], 0, x, r * tokens * hidden, states[row].length);
      lengths[r] = states[row].length / hidden;
      labels[r] = examples.get(row).label();
      postWeights[r] = examples.get(row).weight();
    }
    try (NDScope scope = new NDScope();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray mask = mask(manager, lengths, tokens);
      NDArray input = manager.create(x, new Shape(rows.size(), tokens, hidden));
      NDArray top =
          layers.layers(first, end, input, BertLayers.attentionBias(mask), options.dropout());
      NDArray logits = BertLayers.meanPool(top, mask).matMul(head).add(headBias);
      NDArray gold = manager.create(labels).oneHot((int) classWeights.size());
      NDArray weight = gold.mul(classWeights).sum(new int[] {1}).mul(manager.create(postWeights));
      NDArray loss = logits.logSoftmax(1).mul(gold).sum(new int[] {1}).neg().mul(weight).mean();
      collector.backward(loss);
      scope.suppressNotUsedWarning();
      return loss.getFloat();
    }
  }

  private static NDArray mask(NDManager manager, int[] lengths, int tokens) {
    float[] mask = new float[lengths.length * tokens];
    for (int r = 0; r < lengths.length; r++) {
      Arrays.fill(mask, r * tokens, r * tokens + lengths[r], 1f);
    }
    return manager.create(mask, new Shape(lengths.length, tokens));
  }

  /** Inverse class frequency (weighted), scaled so a balanced set gets 1 for every class. */
  static float[] classWeights(List<Example> examples, int classes) {
    double[] counts = new double[classes];
    double total = 0;
    for (Example e : examples) {
      counts[e.label()] += e.weight();
      total += e.weight();
    }
    float[] out = new float[classes];
    for (int c = 0; c < classes; c++) {
      out[c] = counts[c] == 0 ? 0 : (float) (total / (classes * counts[c]));
    }
    return out;
  }

  /** A weight being tuned, with its optimizer (AdamW, no decay on biases and norms). */
  private record Trainable(String name, NDArray weight, Optimizer optimizer) {
    void update() {
      try (NDArray gradient = weight.getGradient()) {
        optimizer.update(name, weight, gradient);
        gradient.muli(0);
      }
    }
  }

  private static List<Trainable> trainable(
      Options options, Map<String, NDArray> weights, NDArray head, NDArray headBias, int posts) {
    int steps = options.epochs() * ((posts + options.batchSize() - 1) / options.batchSize());
    ParameterTracker schedule = schedule(options, steps);
    Optimizer decayed =
        Optimizer.adamW()
            .optLearningRateTracker(schedule)
            .optWeightDecays(options.weightDecay())
            .build();
    Optimizer plain =
        Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(0f).build();
    List<Trainable> out = new ArrayList<>();
    // Only the layers to tune were read, so every weight here is tuned.
    weights.forEach(
        (name, w) -> out.add(new Trainable(name, w, name.endsWith(".w") ? decayed : plain)));
    out.add(new Trainable("head.w", head, decayed));
    out.add(new Trainable("head.b", headBias, plain));
    for (Trainable t : out) {
      t.weight().setRequiresGradient(true);
    }
    return out;
  }

  /** Linear warm-up, then linear decay to zero at the last step. */
  private static ParameterTracker schedule(Options options, int steps) {
    float peak = options.learningRate();
    float warmUp = Math.max(1, WARM_UP_SHARE * steps);
    return (parameter, update) ->
        peak * Math.max(0f, Math.min(update / warmUp, (steps - update) / (steps - warmUp)));
  }

  private TunedLayers result(
      Options options,
      Map<String, OnnxInitializers.Tensor> published,
      Map<String, NDArray> weights,
      int first,
      NDArray head,
      NDArray headBias,
      List<String> labels,
      String source) {
    Map<String, short[]> changes = new java.util.LinkedHashMap<>();
    Map<String, TunedLayers.Int8Change> int8Changes = new java.util.LinkedHashMap<>();
    weights.forEach(
        (name, w) -> {
          OnnxInitializers.Tensor p = published.get(name);
          if (options.storesEightBit()) {
            int8Changes.put(
                name,
                TunedLayers.Int8Change.of(
                    w.toFloatArray(), p.values(), (int) p.shape()[p.shape().length - 1]));
          } else {
            changes.put(name, TunedLayers.change(w.toFloatArray(), p.values()));
          }
        });
    return new TunedLayers(
        network.name(),
        first,
        changes,
        head.toFloatArray(),
        headBias.toFloatArray(),
        labels,
        MAX_TOKENS,
        source + "; " + options.describe(first),
        int8Changes);
  }
}
