package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;

/**
 * Trains the lexicon-only layer that serves the languages with a lexicon but no labelled posts
 * (Russian, Persian, Greek) on the labelled posts of every language except English that has a
 * lexicon, each post read with its own language's lexicon as that layer reads one ({@link
 * SentimentLexicon#forLexiconLayer}). The layer then learns how lexicon hits, emoji and cues relate
 * to sentiment across languages and lexicon families (AFINN, ML-SentiCon, Pattern), which is what a
 * language it never saw needs, rather than how they do in one language. Labelled posts in ru, fa or
 * el (a deployment's corrections) join the pool.
 *
 * <p>It also measures what to expect in an unseen language: each language with enough posts is left
 * out in turn, the layer is fitted on the others and scores the left-out posts. Measured on
 * 2026-12-02 (XLM-T train, nlp.js lists only): Arabic alone, the calibration before, gave the six
 * other languages a mean neg-vs-rest macro-F1 of 0.565; pooling the others gave 0.595, better for
 * five of the six. English is left out of the pool: adding it lowered the mean over all seven from
 * 0.593 to 0.587.
 */
final class LexiconCalibration {
  private final SocialTextPreparer preparer;
  private final BiFunction<
          List<LabelledPost>, List<Counter<String>>, LinearClassifier<String, String>>
      fit;
  private final ModelTrainer.TrainingOptions options;

  /**
   * @param fit fits a layer on posts and their features
   */
  LexiconCalibration(
      SocialTextPreparer preparer,
      BiFunction<List<LabelledPost>, List<Counter<String>>, LinearClassifier<String, String>> fit,
      ModelTrainer.TrainingOptions options) {
    this.preparer = preparer;
    this.fit = fit;
    this.options = options;
  }

  /**
   * @param layer null when the pool has too few posts
   * @param decision what was pooled and the held-out figures, for {@code trainedOn}; null without a
   *     layer
   */
  record Result(LinearClassifier<String, String> layer, String decision) {}

  /**
   * @param byLanguage sentiment posts (no complaint-task posts) by language
   */
  Result train(Map<String, List<LabelledPost>> byLanguage) {
    Map<String, List<LabelledPost>> posts = new TreeMap<>();
    Map<String, List<Counter<String>>> features = new TreeMap<>();
    byLanguage.forEach(
        (lang, list) -> {
          if ("en".equals(lang)) {
            return; // English read with SentiCon lowered the left-out figures (class comment)
          }
          SentimentLexicon lexicon = SentimentLexicon.forLexiconLayer(lang);
          if (!lexicon.isEmpty()) {
            posts.put(lang, list);
            features.put(lang, list.parallelStream().map(p -> features(lexicon, p)).toList());
          }
        });
    List<LabelledPost> pooled = posts.values().stream().flatMap(List::stream).toList();
    if (pooled.size() < options.minPostsPerLayer()) {
      return new Result(null, null);
    }
    LinearClassifier<String, String> layer =
        fit.apply(pooled, features.values().stream().flatMap(List::stream).toList());
    String pool =
        posts.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue().size())
            .collect(Collectors.joining(", "));
    return new Result(
        layer, "lexicon layer (ru, fa, el): calibrated on " + pool + heldOut(posts, features));
  }

  private Counter<String> features(SentimentLexicon lexicon, LabelledPost post) {
    PreparedText text = preparer.prepare(post.text());
    return NgramFeatures.lexiconOnly(text, lexicon.match(text.words()));
  }

  /**
   * "; neg-vs-rest macro-F1 on each language left out in turn: ar …, de …; mean …", or "" with
   * fewer than two languages with enough posts to leave out.
   */
  private String heldOut(
      Map<String, List<LabelledPost>> posts, Map<String, List<Counter<String>>> features) {
    List<String> testable =
        posts.keySet().stream()
            .filter(lang -> posts.get(lang).size() >= options.minPostsToCrossValidate())
            .toList();
    if (testable.size() < 2) {
      return "";
    }
    Map<String, Double> figures =
        testable.parallelStream()
            .collect(
                Collectors.toMap(
                    held -> held,
                    held -> heldOutMacroF1(held, posts, features),
                    (a, b) -> a,
                    TreeMap::new));
    return String.format(
        Locale.ROOT,
        "; neg-vs-rest macro-F1 on each language left out in turn: %s; mean %.4f",
        figures.entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ")),
        figures.values().stream().mapToDouble(Double::doubleValue).sum() / figures.size());
  }

  /** The layer fitted on every language but {@code held}, scored on {@code held}'s posts. */
  private double heldOutMacroF1(
      String held,
      Map<String, List<LabelledPost>> posts,
      Map<String, List<Counter<String>>> features) {
    List<LabelledPost> trainPosts = new ArrayList<>();
    List<Counter<String>> trainFeatures = new ArrayList<>();
    for (String lang : posts.keySet()) {
      if (!lang.equals(held)) {
        trainPosts.addAll(posts.get(lang));
        trainFeatures.addAll(features.get(lang));
      }
    }
    return CrossValidatedDecision.heldOutMacroF1(
        fit.apply(trainPosts, trainFeatures),
        posts.get(held),
        features.get(held),
        options.decisionThreshold());
  }
}
