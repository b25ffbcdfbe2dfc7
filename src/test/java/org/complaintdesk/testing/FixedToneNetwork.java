package org.complaintdesk.testing;

import java.util.List;
import org.complaintdesk.sentiment.network.SentimentNetwork;

/**
 * A tone network that gives every post the same probabilities, for tests of what reads a network
 * (the analysers' averages, ensembles, lazy opening) without running one.
 */
public record FixedToneNetwork(String name, List<String> labels, double[] probabilities)
    implements SentimentNetwork {
  public static final List<String> LABELS = List.of("negative", "neutral", "positive");

  /** P(negative), P(neutral), P(positive). */
  public static FixedToneNetwork of(String name, double negative, double neutral, double positive) {
    return new FixedToneNetwork(name, LABELS, new double[] {negative, neutral, positive});
  }

  @Override
  public double[] probabilities(String text) {
    return probabilities.clone();
  }
}
