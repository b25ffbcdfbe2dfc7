package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
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
 * A language with labelled training data but no CoreNLP sentiment model (Arabic, Spanish,
 * Hindi...): a logistic regression over character n-grams, words, emoji and, where there is one,
 * lexicon scores, and the sentence encoder's features where cross-validation chose them at {@code
 * train} time.
 */
public final class NgramDetractorAnalyzer implements SentimentAnalyzer {
  private final String language;
  private final LinearClassifier<String, String> classifier;
  private final SentimentLexicon lexicon;
  private final ComplaintCueList cues;
  private final SocialTextPreparer preparer;
  private final double threshold;
  private final double negativeOdds;
  private final List<SentenceEncoder> encoders;
  private final String stemLanguage;
  private final String model;

  public NgramDetractorAnalyzer(
      String language,
      LinearClassifier<String, String> classifier,
      SentimentLexicon lexicon,
      ComplaintCueList cues,
      SocialTextPreparer preparer,
      double threshold,
      double negativeOdds,
      List<SentenceEncoder> encoders,
      String modelVersion) {
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
    this.stemLanguage = NgramFeatures.usesStems(classifier) ? language : null;
    this.model =
        "char-ngram-lr-"
            + language
            + (stemLanguage == null ? "" : "+stems")
            + this.encoders.stream().map(e -> "+" + e.name()).collect(Collectors.joining())
            + "-"
            + modelVersion;
  }

  private Counter<String> corrected(Counter<String> p) {
    p.setCount(
        LabelledPost.NEGATIVE,
        CrossValidatedDecision.adjust(p.getCount(LabelledPost.NEGATIVE), negativeOdds));
    return p;
  }

  @Override
  public SentimentResult analyze(String text) {
    PreparedText prepared = preparer.prepare(text);
    List<SentimentLexicon.Hit> hits = lexicon.match(prepared.words());
    Counter<String> features = NgramFeatures.extract(prepared, hits, stemLanguage);
    for (SentenceEncoder encoder : encoders) {
      EnglishFeatures.addEncoderFeatures(encoder, text, features);
    }
    List<SentimentResult.Evidence> evidence = new ArrayList<>();
    Explanations.lexiconAndEmoji(prepared, hits, evidence);
    Explanations.learnedWords(
        classifier, LabelledPost.POSITIVE, features, text, "learned word", evidence);
    int complaintCues = Explanations.complaintCues(prepared, cues, evidence);
    return Verdict.of(
        corrected(classifier.probabilityOf(new RVFDatum<>(features))),
        threshold,
        complaintCues,
        language,
        List.of(),
        evidence,
        model);
  }
}
