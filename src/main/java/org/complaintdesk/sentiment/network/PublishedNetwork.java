package org.complaintdesk.sentiment.network;

import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A published BERT-shaped network whose layers a tone network tunes ({@link ToneNetworkTrainer})
 * and runs ({@link TunedNetwork}): e5-small-v2 for English, multilingual BERT for the n-gram
 * languages.
 *
 * @param name the published network, as {@link TunedLayers#base} records it
 * @param tag short name of the tuned network in results' {@code model} field
 * @param shape its size
 * @param lower its lower layers' output per post, as the engine that runs it computes it
 * @param firstTuned the first layer tuned when {@code count} layers are: e5's top layers, or the
 *     layers right above where multilingual BERT's encoder hands out its token vectors
 * @param weights the published weights of layers {@code first} (inclusive) to {@code end}
 */
public record PublishedNetwork(
    String name,
    String tag,
    BertLayers.Dimensions shape,
    LowerLayers lower,
    IntUnaryOperator firstTuned,
    Weights weights) {

  /** Reads the published weights of some layers, named as {@link BertLayers} takes them. */
  @FunctionalInterface
  public interface Weights {
    Map<String, OnnxInitializers.Tensor> of(int first, int end);
  }

  /** e5-small-v2, whose lower layers are {@code lower} (the English sentence encoder's run). */
  public static PublishedNetwork e5(LowerLayers lower) {
    return new PublishedNetwork(
        E5Weights.NAME,
        "e5t",
        E5Weights.SHAPE,
        lower,
        count -> E5Weights.SHAPE.layers() - count,
        (first, end) -> TunedNetwork.layers(E5Weights.load(), first, end));
  }
}
