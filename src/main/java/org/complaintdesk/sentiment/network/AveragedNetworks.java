package org.complaintdesk.sentiment.network;

import java.util.List;
import java.util.stream.Stream;

/**
 * Several tone networks tuned alike from different random starts, read as one: the mean of their
 * probabilities. Networks that differ only in their start and the order they saw the posts in make
 * partly different mistakes, so their mean is steadier than any one of them.
 */
public final class AveragedNetworks implements SentimentNetwork {
  private final List<SentimentNetwork> members;

  private AveragedNetworks(List<? extends SentimentNetwork> members) {
    this.members = List.copyOf(members);
  }

  /** The members as one network; the one member itself when there is one. */
  public static SentimentNetwork of(List<? extends SentimentNetwork> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("no network to average");
    }
    List<String> labels = members.get(0).labels();
    if (members.stream().anyMatch(m -> !m.labels().equals(labels))) {
      throw new IllegalArgumentException("networks with different classes cannot be averaged");
    }
    return members.size() == 1 ? members.get(0) : new AveragedNetworks(members);
  }

  @Override
  public String name() {
    return members.get(0).name() + "x" + members.size();
  }

  @Override
  public List<String> labels() {
    return members.get(0).labels();
  }

  @Override
  public double[] probabilities(String text) {
    return mean(members.stream().map(m -> m.probabilities(text)));
  }

  /** The element-wise mean of the members' probabilities. */
  static double[] mean(Stream<double[]> probabilities) {
    double[] sum = null;
    int count = 0;
    for (double[] p : (Iterable<double[]>) probabilities::iterator) {
      if (sum == null) {
        sum = new double[p.length];
      }
      for (int i = 0; i < p.length; i++) {
        sum[i] += p[i];
      }
      count++;
    }
    if (sum == null) {
      throw new IllegalArgumentException("no probabilities to average");
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= count;
    }
    return sum;
  }
}
