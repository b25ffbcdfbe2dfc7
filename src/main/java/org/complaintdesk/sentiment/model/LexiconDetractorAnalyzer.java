package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.sentiment.SentimentAnalyzer;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.Verdict;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;

/**
 * A language with a sentiment lexicon but no labelled posts (Russian, Persian, Greek): the
 * language's nlp.js lexicon finds the sentiment words, and a small classifier over
 * language-independent lexicon features (trained on Arabic posts scored with the Arabic lexicon of
 * the same family) turns them into calibrated probabilities. Posts with no lexicon word or emoji
 * get that classifier's prior, i.e. mostly neutral with low confidence. A post with no complaint
 * cue is also read by the model's {@link MultilingualComplaintLayer}, where it has one: a complaint
 * it finds counts as one cue.
 */
public final class LexiconDetractorAnalyzer implements SentimentAnalyzer {
  private final SentimentLexicon lexicon;
  private final ComplaintCueList cues;
  private final LinearClassifier<String, String> classifier;
  private final SocialTextPreparer preparer;
  private final double threshold;
  private final String language;
  private final String model;
  private final ComplaintLayerCue complaints;

  /**
   * @param complaints the complaint layer over {@code encoder}'s vectors; null for none
   * @param encoder the encoder that layer reads (multilingual BERT); null with no layer
   */
  public LexiconDetractorAnalyzer(
      SentimentLexicon lexicon,
      ComplaintCueList cues,
      LinearClassifier<String, String> classifier,
      SocialTextPreparer preparer,
      double threshold,
      String modelVersion,
      MultilingualComplaintLayer complaints,
      SentenceEncoder encoder) {
    this(
        lexicon,
        cues,
        classifier,
        preparer,
        threshold,
        lexicon.language(),
        "lexicon-lr-"
            + lexicon.language()
            + (complaints == null ? "" : "+" + complaints.encoder() + "-complaints")
            + "-"
            + modelVersion,
        complaints,
        encoder);
  }

  /**
   * @param language the language results report (null for none, {@link EmojiOnlyAnalyzer})
   * @param model what results name as the model that scored them
   */
  LexiconDetractorAnalyzer(
      SentimentLexicon lexicon,
      ComplaintCueList cues,
      LinearClassifier<String, String> classifier,
      SocialTextPreparer preparer,
      double threshold,
      String language,
      String model,
      MultilingualComplaintLayer complaints,
      SentenceEncoder encoder) {
    this.lexicon = lexicon;
    this.cues = cues;
    this.classifier = classifier;
    this.preparer = preparer;
    this.threshold = threshold;
    this.language = language;
    this.model = model;
    this.complaints = ComplaintLayerCue.of(complaints, encoder);
  }

  /** Without the complaint layer: a reply draft is never a complaint (as English's check). */
  @Override
  public SentimentAnalyzer forTone() {
    return complaints == null
        ? this
        : new LexiconDetractorAnalyzer(
            lexicon, cues, classifier, preparer, threshold, language, model, null, null);
  }

  @Override
  public SentimentResult analyze(String text) {
    PreparedText prepared = preparer.prepare(text);
    List<SentimentLexicon.Hit> hits = lexicon.match(prepared.words(), prepared.clauseStarts());
    List<SentimentResult.Evidence> evidence = new ArrayList<>();
    Explanations.lexiconAndEmoji(prepared, hits, evidence);
    int complaintCues = Explanations.complaintCues(prepared, cues, evidence);
    if (complaints != null) {
      complaintCues = complaints.cues(prepared, language, complaintCues, evidence);
    }
    return Verdict.of(
        classifier.probabilityOf(new RVFDatum<>(NgramFeatures.lexiconOnly(prepared, hits))),
        threshold,
        complaintCues,
        language,
        List.of(),
        evidence,
        model);
  }
}
