package org.complaintdesk.sentiment.english;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import org.ejml.simple.SimpleMatrix;

/**
 * One sentence with CoreNLP's sentiment tree: every node carries the RNTN's 5-class distribution
 * (very negative .. very positive).
 *
 * @param begin start of the sentence in the prepared text
 * @param end end of the sentence in the prepared text
 */
public record ScoredSentence(int begin, int end, Tree tree) {

  /** P(negative) + P(very negative) of a node. */
  public static double negative(Tree node) {
    SimpleMatrix p = RNNCoreAnnotations.getPredictions(node);
    return p == null ? 0 : p.get(0) + p.get(1);
  }

  /** P(positive) + P(very positive) of a node. */
  public static double positive(Tree node) {
    SimpleMatrix p = RNNCoreAnnotations.getPredictions(node);
    return p == null ? 0 : p.get(3) + p.get(4);
  }

  public double[] rootDistribution() {
    SimpleMatrix p = RNNCoreAnnotations.getPredictions(tree);
    double[] d = new double[5];
    for (int i = 0; i < 5 && p != null; i++) {
      d[i] = p.get(i);
    }
    return d;
  }
}
