package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.List;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon;
import org.complaintdesk.sentiment.prep.Cue;
import org.complaintdesk.sentiment.prep.PreparedText;

/**
 * Language-agnostic features for the non-English classifiers: character 2–5-grams inside words
 * (robust to Arabic and Hindi morphology, spelling variants and transliteration), whole words, word
 * bigrams, emoji, where the language has one, lexicon scores and, where cross-validation chose
 * them, light word stems ({@link WordStems}).
 */
public final class NgramFeatures {
  private static final int MIN_N = 2;
  private static final int MAX_N = 5;
  private static final String STEM = "s:";

  private NgramFeatures() {}

  /**
   * @param stemLanguage the language whose {@link WordStems} to add as features, or null for none
   */
  public static Counter<String> extract(
      PreparedText text, List<SentimentLexicon.Hit> hits, String stemLanguage) {
    Counter<String> f = new ClassicCounter<>();
    f.setCount("bias", 1);
    String prev = "<s>";
    for (String w : text.words()) {
      f.setCount("w:" + w, 1);
      f.setCount("b:" + prev + "_" + w, 1);
      prev = w;
      if (w.length() > 1 && Character.isLetter(w.codePointAt(0))) {
        if (stemLanguage != null) {
          f.setCount(STEM + WordStems.stem(stemLanguage, w), 1);
        }
        String padded = " " + w + " ";
        for (int n = MIN_N; n <= MAX_N; n++) {
          for (int i = 0; i + n <= padded.length(); i++) {
            f.setCount("c:" + padded.substring(i, i + n), 1);
          }
        }
      }
    }
    cuesAndLexicon(text, hits, f);
    return f;
  }

  /** True if a layer was trained with word stems (so it must be given them). */
  public static boolean usesStems(LinearClassifier<String, String> layer) {
    return layer.featureIndex().objectsList().stream().anyMatch(f -> f.startsWith(STEM));
  }

  /** The language-independent part, also the whole feature set of the lexicon-seeded models. */
  public static Counter<String> lexiconOnly(PreparedText text, List<SentimentLexicon.Hit> hits) {
    Counter<String> f = new ClassicCounter<>();
    f.setCount("bias", 1);
    cuesAndLexicon(text, hits, f);
    return f;
  }

  private static void cuesAndLexicon(
      PreparedText text, List<SentimentLexicon.Hit> hits, Counter<String> f) {
    for (SentimentLexicon.Hit h : hits) {
      // AFINN scores are -5..5; squash so that one strong word does not dominate.
      f.incrementCount(h.score() < 0 ? "lex:neg" : "lex:pos", Math.min(1, Math.abs(h.score()) / 3));
      f.incrementCount(h.score() < 0 ? "lex:negCount" : "lex:posCount", 1);
      if (h.negated()) {
        f.incrementCount("lex:negated", 1);
      }
    }
    for (Cue c : text.cues()) {
      switch (c.kind()) {
        case EMOJI, EMOTICON -> {
          if (c.polarity() < 0) {
            f.incrementCount("emoji:neg", -c.polarity());
          } else if (c.polarity() > 0) {
            f.incrementCount("emoji:pos", c.polarity());
          }
        }
        case EXCLAMATION -> f.setCount("cue:exclamation", 1);
        case QUESTION -> f.setCount("cue:question", 1);
        case URL -> f.setCount("cue:url", 1);
        case SHOUTING, ELONGATION -> f.incrementCount("cue:emphasis", 1);
        default -> {}
      }
    }
  }
}
