package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.complaintdesk.sentiment.SentimentAnalyzer;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.Verdict;
import org.complaintdesk.sentiment.english.EnglishFeatures;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.network.SentimentNetwork;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;

/**
 * A language with labelled training data but no CoreNLP sentiment model (Arabic, Spanish,
 * Hindi...): a logistic regression over character n-grams, words, emoji and, where there is one,
 * lexicon scores, and the sentence encoders' features where cross-validation chose them at {@code
 * train} time. With an {@link EncoderEscalation}, a first layer without the costliest encoder
 * decides the posts it is sure of and only the rest run it. With a multilingual tone network, the
 * layer's probabilities are averaged with the network's.
 */
public final class NgramDetractorAnalyzer implements SentimentAnalyzer {
  private final String language;
  private final LinearClassifier<String, String> classifier;
  private final SentimentLexicon lexicon;
  private final ComplaintCueList cues;
  private final ComplaintLayerCue complaints;
  private final SocialTextPreparer preparer;
  private final double threshold;
  private final double negativeOdds;
  private final List<SentenceEncoder> encoders;
  private final EncoderEscalation escalation;
  private final List<SentenceEncoder> firstEncoders;
  private final String stemLanguage;
  private final String model;
  private final String firstModel;
  private final SentimentNetwork network;
  private final double networkShare;
  private final String version;

  /**
   * @param network the multilingual tone network, or null; it runs multilingual BERT on every post,
   *     so with it the layer reads the encoder's numbers on every post too (they come from the same
   *     run) and {@code escalation} is not used. Why every post: sending on only the posts the
   *     escalation band picks kept Italian at 0.687 instead of 0.710 (docs/benchmarks.md)
   * @param networkShare the network's weight in the average ({@link SentimentNetwork#combine})
   */
  /**
   * @param complaints the multilingual complaint layer, read as one more complaint cue; null for
   *     none
   * @param complaintsEncoder the encoder it reads (multilingual BERT); null with no layer
   */
  public NgramDetractorAnalyzer(
      String language,
      LinearClassifier<String, String> classifier,
      SentimentLexicon lexicon,
      ComplaintCueList cues,
      SocialTextPreparer preparer,
      double threshold,
      double negativeOdds,
      EncoderEscalation escalation,
      List<SentenceEncoder> encoders,
      SentimentNetwork network,
      double networkShare,
      String modelVersion,
      MultilingualComplaintLayer complaints,
      SentenceEncoder complaintsEncoder) {
    this.complaints = ComplaintLayerCue.of(complaints, complaintsEncoder);
    this.language = language;
    this.classifier = classifier;
    this.lexicon = lexicon;
    this.cues = cues;
    this.preparer = preparer;
    this.threshold = threshold;
    this.negativeOdds = negativeOdds;
    // Only layers that cross-validation trained with a sentence encoder pay for running it.
    this.encoders =
        encoders.stream().filter(e -> EnglishFeatures.usesEncoder(classifier, e)).toList();
    this.network = network;
    this.networkShare = networkShare;
    this.version = modelVersion;
    this.escalation = network == null ? escalation : null;
    this.firstEncoders =
        this.escalation == null
            ? this.encoders
            : this.encoders.stream()
                .filter(e -> EnglishFeatures.usesEncoder(this.escalation.firstLayer(), e))
                .toList();
    this.stemLanguage = NgramFeatures.usesStems(classifier) ? language : null;
    this.model = modelName(this.encoders, modelVersion);
    this.firstModel = modelName(firstEncoders, modelVersion);
  }

  /** Names the layer that decided, so a result shows which encoders read the post. */
  private String modelName(List<SentenceEncoder> used, String modelVersion) {
    return "char-ngram-lr-"
        + language
        + (stemLanguage == null ? "" : "+stems")
        + used.stream().map(e -> "+" + e.name()).collect(Collectors.joining())
        + (network == null ? "" : "+" + network.name())
        + "-"
        + modelVersion;
  }

  /**
   * Without the tone network, as English's reply check: tuned on customers' posts, it reads bad
   * news and apologies as negative, which in a reply is not rudeness. Without the complaint layer
   * too: a reply that says what went wrong is not a complaint.
   */
  @Override
  public SentimentAnalyzer forTone() {
    return network == null && complaints == null
        ? this
        : new NgramDetractorAnalyzer(
            language,
            classifier,
            lexicon,
            cues,
            preparer,
            threshold,
            negativeOdds,
            escalation,
            encoders,
            null,
            networkShare,
            version,
            null,
            null);
  }

  private static Counter<String> corrected(Counter<String> p, double odds) {
    p.setCount(
        LabelledPost.NEGATIVE,
        CrossValidatedDecision.adjust(p.getCount(LabelledPost.NEGATIVE), odds));
    return p;
  }

  @Override
  public SentimentResult analyze(String text) {
    PreparedText prepared = preparer.prepare(text);
    List<SentimentLexicon.Hit> hits = lexicon.match(prepared.words());
    Map<String, Set<String>> byWord = NgramFeatures.featuresByWord(prepared, stemLanguage);
    Counter<String> features = NgramFeatures.fromWords(prepared, hits, byWord);
    for (SentenceEncoder encoder : firstEncoders) {
      EnglishFeatures.addEncoderFeatures(encoder, text, features);
    }
    if (escalation != null) {
      Counter<String> first =
          corrected(
              escalation.firstLayer().probabilityOf(new RVFDatum<>(features)),
              escalation.negativeOdds());
      if (!escalation.escalates(first.getCount(LabelledPost.NEGATIVE), threshold)) {
        return verdict(
            text,
            prepared,
            hits,
            byWord,
            escalation.firstLayer(),
            features,
            first,
            null,
            firstModel);
      }
      for (SentenceEncoder encoder : encoders) {
        if (!firstEncoders.contains(encoder)) {
          EnglishFeatures.addEncoderFeatures(encoder, text, features);
        }
      }
    }
    Counter<String> p = corrected(classifier.probabilityOf(new RVFDatum<>(features)), negativeOdds);
    // After the layer: the network reads the run of multilingual BERT the layer's features made.
    double[] tuned =
        network == null ? null : network.probabilities(EnglishFeatures.encoderInput(text));
    Counter<String> averaged =
        NetworkAverage.of(p, tuned == null ? null : network.labels(), tuned, networkShare);
    return verdict(text, prepared, hits, byWord, classifier, features, averaged, tuned, model);
  }

  private SentimentResult verdict(
      String text,
      PreparedText prepared,
      List<SentimentLexicon.Hit> hits,
      Map<String, Set<String>> byWord,
      LinearClassifier<String, String> layer,
      Counter<String> features,
      Counter<String> probabilities,
      double[] tuned,
      String decidedBy) {
    List<SentimentResult.Evidence> evidence = new ArrayList<>();
    Explanations.lexiconAndEmoji(prepared, hits, evidence);
    if (tuned != null) {
      evidence.add(NetworkAverage.lean(network.labels(), tuned, text));
    }
    for (SentenceEncoder encoder : encoders) {
      if (features.containsKey(encoder.name() + ":0")) { // the first layer may not have read it
        Explanations.encoderShare(layer, features, encoder.name(), text, evidence);
      }
    }
    Explanations.learnedWordsByPieces(
        layer, LabelledPost.POSITIVE, byWord, text, "learned word", evidence);
    int complaintCues = Explanations.complaintCues(prepared, cues, evidence);
    if (complaints != null) {
      complaintCues = complaints.cues(prepared, language, complaintCues, evidence);
    }
    return Verdict.of(
        probabilities, threshold, complaintCues, language, List.of(), evidence, decidedBy);
  }
}
