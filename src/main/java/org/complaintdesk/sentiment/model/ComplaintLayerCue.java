package org.complaintdesk.sentiment.model;

import java.util.List;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.Verdict;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.prep.Cue;
import org.complaintdesk.sentiment.prep.PreparedText;

/**
 * The {@link MultilingualComplaintLayer} read as one more complaint cue: a post with no cue of the
 * language's list and no question is run through the encoder, and a complaint the layer finds
 * counts as one cue, so {@code Verdict}'s guard (a single cue in a post labelled positive needs
 * some P(negative)) still applies.
 */
final class ComplaintLayerCue {
  /** What evidence calls a complaint found by the layer. */
  static final String EVIDENCE =
      SentimentResult.Evidence.WHOLE_POST + " (reads as a brand complaint: multilingual BERT)";

  private final MultilingualComplaintLayer layer;
  private final SentenceEncoder encoder;

  private ComplaintLayerCue(MultilingualComplaintLayer layer, SentenceEncoder encoder) {
    this.layer = layer;
    this.encoder = encoder;
  }

  /** The layer with the encoder it reads; null when the model has no layer. */
  static ComplaintLayerCue of(MultilingualComplaintLayer layer, SentenceEncoder encoder) {
    if (layer == null) {
      return null;
    }
    if (encoder == null || !encoder.name().equals(layer.encoder())) {
      throw new IllegalArgumentException("the complaint layer reads " + layer.encoder());
    }
    return new ComplaintLayerCue(layer, encoder);
  }

  /**
   * The post's complaint cues with the layer's: {@code listed} if it is not zero or the post asks a
   * question, else 1 if the layer finds a complaint (adding its evidence), else 0.
   */
  int cues(PreparedText prepared, String language, int listed, List<SentimentResult.Evidence> out) {
    if (listed > 0 || asksAQuestion(prepared, language)) {
      return listed;
    }
    String text = prepared.original();
    double p = layer.probability(encoder.encode(text));
    if (p < layer.threshold()) {
      return 0;
    }
    out.add(new SentimentResult.Evidence(text, EVIDENCE, Verdict.round(-p)));
    return 1;
  }

  /**
   * A question mark outside links: Latin (the preparer's question cue), Arabic-script (؟), and in
   * Greek ";" or its own code point. The layer learned complaints from English posts, and on
   * questions to a brand in other languages ("how do I raise my transfer limit?") it fired where no
   * complaint was made; a question with no complaint cue is left to the language's own layer.
   */
  static boolean asksAQuestion(PreparedText prepared, String language) {
    String text = prepared.original();
    return prepared.cues().stream().anyMatch(c -> c.kind() == Cue.Kind.QUESTION)
        || text.indexOf('\u061F') >= 0
        || text.indexOf('\u037E') >= 0
        || "el".equals(language) && text.indexOf(';') >= 0;
  }
}
