package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.complaintdesk.sentiment.SentimentAnalyzer;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.Verdict;
import org.complaintdesk.sentiment.english.EnglishFeatures;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;

/**
 * A language with a sentiment lexicon but no labelled posts (Russian, Persian, Greek): the
 * language's lexicon finds the sentiment words, and a small classifier over language-independent
 * lexicon features, trained on the labelled posts of seven other languages ({@link
 * LexiconCalibration}), turns them into calibrated probabilities; where {@code train} chose it, the
 * classifier also reads multilingual BERT's numbers. With an {@link EncoderEscalation}, the
 * lexicon-only classifier decides the posts it is sure of and only the rest run BERT. Posts with no
 * lexicon word or emoji (and no encoder) get that classifier's prior, i.e. mostly neutral with low
 * confidence.
 */
public final class LexiconDetractorAnalyzer implements SentimentAnalyzer {
  private final SentimentLexicon lexicon;
  private final ComplaintCueList cues;
  private final LinearClassifier<String, String> classifier;
  private final EncoderEscalation escalation;
  private final List<SentenceEncoder> encoders;
  private final SocialTextPreparer preparer;
  private final double threshold;
  private final String model;
  private final String firstModel;

  /**
   * @param escalation the lexicon-only layer and its band, or null
   * @param encoders the encoders the classifier may have been trained with; it is given those it
   *     was
   */
  public LexiconDetractorAnalyzer(
      SentimentLexicon lexicon,
      ComplaintCueList cues,
      LinearClassifier<String, String> classifier,
      EncoderEscalation escalation,
      List<SentenceEncoder> encoders,
      SocialTextPreparer preparer,
      double threshold,
      String modelVersion) {
    this.lexicon = lexicon;
    this.cues = cues;
    this.classifier = classifier;
    this.encoders =
        encoders.stream().filter(e -> EnglishFeatures.usesEncoder(classifier, e)).toList();
    this.escalation = this.encoders.isEmpty() ? null : escalation;
    this.preparer = preparer;
    this.threshold = threshold;
    String name = "lexicon-lr-" + lexicon.language();
    this.model =
        name
            + this.encoders.stream().map(e -> "+" + e.name()).collect(Collectors.joining())
            + "-"
            + modelVersion;
    this.firstModel = name + "-" + modelVersion;
  }

  @Override
  public SentimentResult analyze(String text) {
    PreparedText prepared = preparer.prepare(text);
    List<SentimentLexicon.Hit> hits = lexicon.match(prepared.words());
    Counter<String> features = NgramFeatures.lexiconOnly(prepared, hits);
    if (escalation != null) {
      Counter<String> first = escalation.probabilities(features);
      if (!escalation.escalates(first.getCount(LabelledPost.NEGATIVE), threshold)) {
        return verdict(prepared, hits, first, firstModel);
      }
    }
    for (SentenceEncoder encoder : encoders) {
      EnglishFeatures.addEncoderFeatures(encoder, text, features);
    }
    return verdict(
        prepared, hits, CrossValidatedDecision.probabilities(classifier, features, 1.0), model);
  }

  private SentimentResult verdict(
      PreparedText prepared,
      List<SentimentLexicon.Hit> hits,
      Counter<String> probabilities,
      String decidedBy) {
    List<SentimentResult.Evidence> evidence = new ArrayList<>();
    Explanations.lexiconAndEmoji(prepared, hits, evidence);
    int complaintCues = Explanations.complaintCues(prepared, cues, evidence);
    return Verdict.of(
        probabilities,
        threshold,
        complaintCues,
        lexicon.language(),
        List.of(),
        evidence,
        decidedBy);
  }
}
