package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import java.util.List;
import java.util.Map;
import org.complaintdesk.sentiment.SentimentAnalyzer;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.Cue;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;

/**
 * A post with no words in any language, only emoji or emoticons beside the brand's handle
 * ("@KiteBank 😡😡😡"): it has no language to route by, but its emoji say how the customer feels.
 * Read by the lexicon layer that serves Russian, Persian and Greek ({@link
 * LexiconDetractorAnalyzer}), with no word list: that layer was calibrated on seven languages'
 * posts through language-independent features, emoji among them. The result has no language. A post
 * without an emoji that carries a sentiment stays unscored.
 */
public final class EmojiOnlyAnalyzer implements SentimentAnalyzer {
  /** What the result's {@code model} field says. */
  static final String MODEL = "emoji-lr-";

  private final LexiconDetractorAnalyzer layer;
  private final SocialTextPreparer preparer;

  public EmojiOnlyAnalyzer(
      LinearClassifier<String, String> lexiconLayer,
      SocialTextPreparer preparer,
      double threshold,
      String modelVersion) {
    this.preparer = preparer;
    this.layer =
        new LexiconDetractorAnalyzer(
            new SentimentLexicon("und", Map.of(), false),
            new ComplaintCueList("und", List.of()),
            lexiconLayer,
            preparer,
            threshold,
            null,
            MODEL + modelVersion,
            null,
            null);
  }

  @Override
  public SentimentResult analyze(String text) {
    boolean feeling =
        preparer.prepare(text).cues().stream()
            .anyMatch(
                c ->
                    (c.kind() == Cue.Kind.EMOJI || c.kind() == Cue.Kind.EMOTICON)
                        && c.polarity() != 0);
    if (!feeling) {
      return SentimentResult.notScored(
          SentimentResult.UNSCORED,
          null,
          null,
          "no words in a known language and no emoji to score");
    }
    return layer.analyze(text);
  }
}
