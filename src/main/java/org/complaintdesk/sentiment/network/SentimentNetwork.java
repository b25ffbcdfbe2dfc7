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

  /** The network's share where the model names none: the plain mean (default-2026.12n). */
  double DEFAULT_SHARE = 0.5;

  /**
   * A layer's probability of a class and the network's, combined: {@code share} of the network's
   * and the rest of the layer's. Scoring and the training that chooses the share use it.
   */
  static double combine(double layer, double network, double share) {
    return (1 - share) * layer + share * network;
  }
}
