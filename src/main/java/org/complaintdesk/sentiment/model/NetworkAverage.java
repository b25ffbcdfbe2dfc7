package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.List;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.Verdict;
import org.complaintdesk.sentiment.network.SentimentNetwork;

/**
 * A trained layer's probabilities averaged with a fine-tuned tone network's, and the network's own
 * evidence item: English and the n-gram languages combine them alike.
 */
public final class NetworkAverage {
  private NetworkAverage() {}

  /**
   * Each class: {@code share} of the network's probability and the rest of the layer's ({@link
   * SentimentNetwork#combine}); the layer alone when {@code tuned} is null.
   *
   * @param labels the network's classes, in the order of {@code tuned}
   */
  public static Counter<String> of(
      Counter<String> layer, List<String> labels, double[] tuned, double share) {
    if (tuned == null) {
      return layer;
    }
    Counter<String> out = new ClassicCounter<>();
    for (int i = 0; i < tuned.length; i++) {
      String label = labels.get(i);
      out.setCount(label, SentimentNetwork.combine(layer.getCount(label), tuned[i], share));
    }
    return out;
  }

  /** The network reads the whole post and names no phrase: its item is its own lean. */
  public static SentimentResult.Evidence lean(List<String> labels, double[] tuned, String post) {
    double push =
        tuned[labels.indexOf(LabelledPost.POSITIVE)] - tuned[labels.indexOf(LabelledPost.NEGATIVE)];
    return new SentimentResult.Evidence(
        post, SentimentResult.Evidence.WHOLE_POST + " (fine-tuned network)", Verdict.round(push));
  }
}
