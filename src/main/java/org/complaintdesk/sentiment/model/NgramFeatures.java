package org.complaintdesk.sentiment.model;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
  private static final String BIGRAM = "b:";

  private NgramFeatures() {}

  /**
   * @param stemLanguage the language whose {@link WordStems} to add as features, or null for none
   */
  public static Counter<String> extract(
      PreparedText text, List<SentimentLexicon.Hit> hits, String stemLanguage) {
    return fromWords(text, hits, featuresByWord(text, stemLanguage));
  }

  /**
   * The same from the post's {@link #featuresByWord}, so that scoring, which also explains the
   * decision word by word, builds them once.
   */
  public static Counter<String> fromWords(
      PreparedText text, List<SentimentLexicon.Hit> hits, Map<String, Set<String>> byWord) {
    Counter<String> f = new ClassicCounter<>();
    f.setCount("bias", 1);
    byWord.values().forEach(features -> features.forEach(feature -> f.setCount(feature, 1)));
    cuesAndLexicon(text, hits, f);
    return f;
  }

  /**
   * The features each word of the post gave: the word itself, its stem, its character n-grams and
   * the word bigrams it is in. A word's n-grams are mostly shared with no other word, so the sum of
   * their weights says what the layer made of that word even when no single feature is heavy.
   */
  public static Map<String, Set<String>> featuresByWord(PreparedText text, String stemLanguage) {
    Map<String, Set<String>> byWord = new LinkedHashMap<>();
    String prev = "<s>";
    for (String w : text.words()) {
      Set<String> own = byWord.computeIfAbsent(w, k -> new LinkedHashSet<>());
      Set<String> before = byWord.get(prev);
      wordFeatures(
          prev,
          w,
          stemLanguage,
          feature -> {
            own.add(feature);
            if (before != null && feature.startsWith(BIGRAM)) {
              before.add(feature);
            }
          });
      prev = w;
    }
    return byWord;
  }

  private static void wordFeatures(
      String prev, String w, String stemLanguage, Consumer<String> out) {
    out.accept("w:" + w);
    out.accept(BIGRAM + prev + "_" + w);
    if (w.length() > 1 && Character.isLetter(w.codePointAt(0))) {
      if (stemLanguage != null) {
        out.accept(STEM + WordStems.stem(stemLanguage, w));
      }
      String padded = " " + w + " ";
      for (int n = MIN_N; n <= MAX_N; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          out.accept("c:" + padded.substring(i, i + n));
        }
      }
    }
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
