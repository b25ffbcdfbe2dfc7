package org.complaintdesk.sentiment.english;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.Label;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.complaintdesk.sentiment.SentimentAnalyzer;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentResult.Evidence;
import org.complaintdesk.sentiment.Verdict;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.model.CrossValidatedDecision;
import org.complaintdesk.sentiment.model.DetractorMix;
import org.complaintdesk.sentiment.model.Explanations;
import org.complaintdesk.sentiment.model.LabelledPost;
import org.complaintdesk.sentiment.model.NetworkAverage;
import org.complaintdesk.sentiment.network.SentimentNetwork;
import org.complaintdesk.sentiment.prep.ComplaintCueFinder;
import org.complaintdesk.sentiment.prep.PreparedText;

/**
 * English: CoreNLP's sentiment tree plus words and cues, weighed by the trained layer. Evidence
 * quotes the author's own words: the phrases the sentiment tree rates strongly, complaint cues,
 * lexicon words, emoji, shouting, and the words the trained layer weighed most.
 */
public final class EnglishDetractorAnalyzer implements SentimentAnalyzer {
  private static final String[] LABELS = {
    "negative", "negative", "neutral", "positive", "positive"
  };
  private static final int MAX_PHRASE_WORDS = 6;
  private static final double STRONG_PHRASE = 0.6;

  /** P(complaint) from which the complaint flag is set. */
  static final double COMPLAINT_PROBABILITY = 0.5;

  private final EnglishFeatures features;
  private final LinearClassifier<String, String> classifier;
  private final LinearClassifier<String, String> complaintLayer;
  private final DetractorMix mix;
  private final SentimentNetwork network;
  private final double networkShare;
  private final double negativeOdds;
  private final double threshold;
  private final String version;
  private final String model;

  /**
   * @param network the fine-tuned tone network whose probabilities are averaged with the sentiment
   *     layer's; null for the layer alone
   * @param networkShare the network's weight in that average ({@link SentimentNetwork#combine})
   * @param negativeOdds the odds multiplier for the averaged P(negative) ({@link
   *     CrossValidatedDecision#adjust}), chosen by {@code train} with the share; 1 for none
   */
  public EnglishDetractorAnalyzer(
      EnglishFeatures features,
      LinearClassifier<String, String> classifier,
      LinearClassifier<String, String> complaintLayer,
      DetractorMix mix,
      SentimentNetwork network,
      double networkShare,
      double negativeOdds,
      double threshold,
      String modelVersion) {
    this.features = features;
    this.classifier = classifier;
    this.complaintLayer = complaintLayer;
    this.mix = mix;
    this.network = network;
    this.networkShare = networkShare;
    this.negativeOdds = negativeOdds;
    this.threshold = threshold;
    this.version = modelVersion;
    this.model =
        features.rntnName()
            + "+lr"
            + (network == null ? "" : "+" + network.name())
            + "-"
            + modelVersion;
  }

  /**
   * The sentiment layer's P(negative) alone decides: the tone of a reply is not a question of
   * complaints, and the tone network learned customers' posts, where bad news and apologies read as
   * negative. With it, "I'm so sorry your flight was cancelled, I've rebooked you on the 6pm
   * flight" went from 0.12 to 0.51 and "Unfortunately we cannot refund this order" from 0.59 to
   * 0.73, over the reply warning's 0.6 (2026-12-07). The odds correction was chosen for the average
   * with the network, so it goes with the network.
   */
  @Override
  public SentimentAnalyzer forTone() {
    return complaintLayer == null && network == null
        ? this
        : new EnglishDetractorAnalyzer(
            features, classifier, null, mix, null, networkShare, 1.0, threshold, version);
  }

  @Override
  public SentimentResult analyze(String text) {
    EnglishPost post = features.analyze(text);
    RVFDatum<String, String> datum = new RVFDatum<>(post.features());
    // The same input as the encoder's, so the network reads the encoder's run of this post.
    double[] tuned =
        network == null ? null : network.probabilities(EnglishFeatures.encoderInput(text));
    Counter<String> p = withNetwork(classifier.probabilityOf(datum), tuned);
    double negative =
        CrossValidatedDecision.adjust(p.getCount(LabelledPost.NEGATIVE), negativeOdds);
    Double complaint =
        complaintLayer == null
            ? null
            : complaintLayer.probabilityOf(datum).getCount(LabelledPost.NEGATIVE);
    boolean complaintFlag =
        complaint != null
            ? complaint >= COMPLAINT_PROBABILITY
            : !post.complaintCues().isEmpty() && negative >= Verdict.COMPLAINT_MIN_PROBABILITY;
    return Verdict.of(
        mix.of(negative, complaint),
        negative,
        p.getCount(LabelledPost.NEUTRAL),
        p.getCount(LabelledPost.POSITIVE),
        threshold,
        complaintFlag,
        "en",
        sentences(post),
        evidence(post, tuned),
        model);
  }

  /**
   * The sentiment layer's probabilities, averaged with the tone network's when there is one, with
   * the network's share that {@code train} chose (docs/model-card.md). The layer brings CoreNLP's
   * tree, the lexicons and the cues; the network what tuning on tweets taught it.
   */
  private Counter<String> withNetwork(Counter<String> layer, double[] tuned) {
    return NetworkAverage.of(layer, tuned == null ? null : network.labels(), tuned, networkShare);
  }

  private static List<SentimentResult.SentenceSentiment> sentences(EnglishPost post) {
    List<SentimentResult.SentenceSentiment> out = new ArrayList<>();
    for (ScoredSentence s : post.sentences()) {
      double[] d = s.rootDistribution();
      int cls = 0;
      for (int i = 1; i < 5; i++) {
        cls = d[i] > d[cls] ? i : cls;
      }
      out.add(
          new SentimentResult.SentenceSentiment(
              post.text().originalOf(s.begin(), s.end()),
              LABELS[cls],
              Verdict.round(d[0] + d[1]),
              Verdict.round(d[3] + d[4])));
    }
    return out;
  }

  private List<Evidence> evidence(EnglishPost post, double[] tuned) {
    PreparedText text = post.text();
    List<Evidence> out = new ArrayList<>();
    for (ScoredSentence s : post.sentences()) {
      for (Tree node : s.tree()) {
        if (node.isLeaf() || node.isPreTerminal()) {
          continue;
        }
        List<Label> leaves = node.yield();
        if (leaves.size() > MAX_PHRASE_WORDS) {
          continue;
        }
        double neg = ScoredSentence.negative(node);
        double pos = ScoredSentence.positive(node);
        if (Math.max(neg, pos) < STRONG_PHRASE) {
          continue;
        }
        String quote = quote(text, leaves);
        if (quote != null) {
          out.add(
              new Evidence(
                  quote,
                  neg > pos ? "negative phrase" : "positive phrase",
                  Verdict.round(neg > pos ? -neg : pos)));
        }
      }
    }
    for (ComplaintCueFinder.Match m : post.complaintCues()) {
      double w = classifier.weight("complaint:" + m.name(), LabelledPost.NEGATIVE);
      out.add(
          new Evidence(
              text.originalOf(m.begin(), m.end()),
              "complaint cue: " + m.name(),
              -Verdict.round(Math.max(0.5, Math.abs(w)))));
    }
    Explanations.lexiconAndEmoji(text, sentimentWordsOnly(post.lexiconHits()), out);
    String encoder = features.encoderName();
    if (encoder != null) {
      Explanations.encoderShare(classifier, post.features(), encoder, text.original(), out);
    }
    if (tuned != null) {
      out.add(NetworkAverage.lean(network.labels(), tuned, text.original()));
    }
    Explanations.learnedWords(
        classifier, LabelledPost.POSITIVE, post.features(), text.original(), "learned word", out);
    if (complaintLayer != null) {
      Explanations.learnedWords(
          complaintLayer, "not_negative", post.features(), text.original(), "complaint word", out);
    }
    return out;
  }

  /**
   * The lexicon hits a responder can read as a reason. SentiCon gives small scores to function
   * words ("in", "be", "with"), and the layers learned from them, so they stay features; shown as
   * evidence they said a lost-suitcase post was positive because of "in" (2026-12-04).
   */
  static List<SentimentLexicon.Hit> sentimentWordsOnly(List<SentimentLexicon.Hit> hits) {
    return hits.stream()
        .filter(
            h ->
                h.negated()
                    || !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(
                        h.text().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** The original wording of a phrase whose leaves carry offsets into the prepared text. */
  private static String quote(PreparedText text, List<Label> leaves) {
    if (!(leaves.get(0) instanceof CoreLabel first)
        || !(leaves.get(leaves.size() - 1) instanceof CoreLabel last)) {
      return null;
    }
    Integer begin = first.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
    Integer end = last.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
    if (begin == null || end == null) {
      return null;
    }
    return text.originalOf(begin, end);
  }
}
