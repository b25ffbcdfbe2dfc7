package org.complaintdesk.sentiment.eval;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentScorer;
import org.complaintdesk.sentiment.model.DetractorModel;
import org.complaintdesk.sentiment.model.LabelledPost;
import org.complaintdesk.sentiment.model.ModelTrainer;
import org.complaintdesk.sentiment.model.TextFingerprint;

/**
 * k-fold cross-validation of the complaint layer on a complaint file (which has no separate test
 * split): for each fold, the layer is retrained on the other folds and the product's scorer, with
 * that layer, scores the held-out fold. The sentiment layers are the model's own, trained without
 * the file. Folds are a fixed shuffle (seed 42), so runs are repeatable.
 */
final class ComplaintCrossValidation {
  private static final long SEED = 42;

  private final SentimentComponents components;
  private final DetractorModel model;
  private final double threshold;
  private final int maxChars;

  ComplaintCrossValidation(
      SentimentComponents components, DetractorModel model, double threshold, int maxChars) {
    this.components = components;
    this.model = model;
    this.threshold = threshold;
    this.maxChars = maxChars;
  }

  List<SentimentResult> score(List<LabelledPost> posts, int k, int threads)
      throws InterruptedException {
    int[] fold = folds(posts.size(), k);
    List<Counter<String>> features =
        Parallel.map(
            posts, threads, "features", p -> components.english().analyze(p.text()).features());
    ModelTrainer trainer = components.trainer(ModelTrainer.TrainingOptions.defaults());
    SentimentResult[] out = new SentimentResult[posts.size()];
    for (int f = 0; f < k; f++) {
      List<LabelledPost> train = new ArrayList<>();
      List<Counter<String>> trainFeatures = new ArrayList<>();
      List<Integer> held = new ArrayList<>();
      for (int i = 0; i < posts.size(); i++) {
        if (fold[i] == f) {
          held.add(i);
        } else {
          train.add(posts.get(i));
          trainFeatures.add(features.get(i));
        }
      }
      LinearClassifier<String, String> layer = trainer.trainComplaintLayer(train, trainFeatures);
      SentimentScorer scorer =
          components.scorer(
              model.withComplaintLayer(
                  layer,
                  TextFingerprint.sortedSet(train.stream().map(LabelledPost::text).toList())),
              threshold,
              maxChars);
      List<SentimentResult> scored =
          Parallel.map(held, threads, "fold " + (f + 1), i -> scorer.score(posts.get(i).text()));
      for (int j = 0; j < held.size(); j++) {
        out[held.get(j)] = scored.get(j);
      }
    }
    return List.of(out);
  }

  /** Round-robin fold numbers after a seeded shuffle. */
  static int[] folds(int n, int k) {
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fold[i] = i % k;
    }
    Random random = new Random(SEED);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = fold[i];
      fold[i] = fold[j];
      fold[j] = t;
    }
    return fold;
  }
}
