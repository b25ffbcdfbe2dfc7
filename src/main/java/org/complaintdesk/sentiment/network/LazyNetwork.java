package org.complaintdesk.sentiment.network;

import java.util.List;
import java.util.function.Supplier;
import org.complaintdesk.sentiment.english.LazyOpen;

/**
 * A tuned network opened on its first post ({@link LazyOpen}): the multilingual tone network runs
 * on multilingual BERT, about 1.5 GB of native memory and seconds of loading that a process which
 * never scores a post in those languages should not pay. Its name and classes are known up front.
 */
public final class LazyNetwork implements SentimentNetwork {
  private final String name;
  private final List<String> labels;
  private final LazyOpen<SentimentNetwork> network;

  public LazyNetwork(
      String name, List<String> labels, Supplier<? extends SentimentNetwork> opener) {
    this.name = name;
    this.labels = List.copyOf(labels);
    this.network = new LazyOpen<>(name + "-network", opener);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  @Override
  public double[] probabilities(String text) {
    return network.get().probabilities(text);
  }
}
