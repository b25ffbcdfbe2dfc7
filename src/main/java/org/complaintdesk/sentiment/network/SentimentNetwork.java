package org.complaintdesk.sentiment.network;

/**
 * A fine-tuned network that reads a whole post and gives its tone, behind our own port so the
 * analysers and their tests do not depend on the engine that runs it.
 */
public interface SentimentNetwork {
  /** Short name, shown in the {@code model} field of results. */
  String name();

  /** The probability of each of {@link #labels()} for the text, in that order. Thread-safe. */
  double[] probabilities(String text);

  /** The classes, e.g. negative, neutral, positive. */
  java.util.List<String> labels();

  /**
   * A layer's probability of a class and the network's, combined: their plain mean, not weighed by
   * anything measured (docs/model-card.md). Scoring and the training that chooses rules on its
   * output both use it.
   */
  static double average(double layer, double network) {
    return (layer + network) / 2;
  }
}
