package org.complaintdesk.sentiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The product's scorer: detects the language and sends the text to the analyser for it. A language
 * without an analyser is reported as unsupported, never silently as neutral.
 *
 * <p>Identical texts (retweets, copy-paste campaigns, bots) are scored once: the last {@value
 * #CACHE_SIZE} results are kept by text.
 */
public class SentimentScorer {
  static final int CACHE_SIZE = 10_000;

  private final LanguageDetector languages;
  private final Map<String, SentimentAnalyzer> analyzers;
  private final SentimentAnalyzer withoutLanguage;
  private final int maxChars;
  private final Map<String, SentimentResult> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SentimentResult> eldest) {
              return size() > CACHE_SIZE;
            }
          });

  public SentimentScorer(LanguageDetector languages, Map<String, SentimentAnalyzer> analyzers) {
    this(languages, analyzers, new SentimentConfiguration().maxTextChars);
  }

  public SentimentScorer(
      LanguageDetector languages, Map<String, SentimentAnalyzer> analyzers, int maxChars) {
    this(languages, analyzers, null, maxChars);
  }

  /**
   * @param withoutLanguage scores the posts whose language cannot be detected, e.g. a handle and
   *     emoji only ({@code model.EmojiOnlyAnalyzer}); null leaves them unscored
   */
  public SentimentScorer(
      LanguageDetector languages,
      Map<String, SentimentAnalyzer> analyzers,
      SentimentAnalyzer withoutLanguage,
      int maxChars) {
    this.languages = languages;
    this.analyzers = Map.copyOf(analyzers);
    this.withoutLanguage = withoutLanguage;
    this.maxChars = maxChars;
  }

  /**
   * A scorer for the tone of reply drafts: its detractor probability is how negative the text
   * reads, without the complaint layer ({@link SentimentAnalyzer#forTone}).
   */
  public SentimentScorer forTone() {
    Map<String, SentimentAnalyzer> tone = new java.util.HashMap<>();
    analyzers.forEach((lang, analyzer) -> tone.put(lang, analyzer.forTone()));
    return new SentimentScorer(
        languages, tone, withoutLanguage == null ? null : withoutLanguage.forTone(), maxChars);
  }

  /** Languages this scorer has a model for. */
  public java.util.Set<String> languages() {
    return analyzers.keySet();
  }

  public SentimentResult score(String text) {
    SentimentResult cached = text == null ? null : recent.get(text);
    if (cached != null) {
      return cached;
    }
    SentimentResult result = scoreUncached(text);
    if (text != null && !SentimentResult.FAILED.equals(result.status())) {
      recent.put(text, result);
    }
    return result;
  }

  /**
   * A near-tie between a language we have no model for and one we have (short English posts are
   * often guessed as Dutch or Indonesian) goes to the one we can score; a clear guess stays.
   * Lingua's relative confidences are compressed (a clearly Turkish post still gives Portuguese
   * 0.6), so only a supported language within 5% of the top counts as a tie.
   */
  static final double NEAR_TIE = 0.95;

  String pickLanguage(Map<String, Double> candidates) {
    String top = null;
    double topConfidence = 0;
    for (Map.Entry<String, Double> c : candidates.entrySet()) {
      if (top == null) {
        top = c.getKey();
        topConfidence = c.getValue();
        if (analyzers.containsKey(top)) {
          return top;
        }
      } else if (analyzers.containsKey(c.getKey()) && c.getValue() >= NEAR_TIE * topConfidence) {
        return c.getKey();
      }
    }
    return top;
  }

  private SentimentResult scoreUncached(String text) {
    String why = SentimentGuards.whyNotScorable(text, maxChars);
    if (why != null) {
      return SentimentResult.notScored(SentimentResult.UNSCORED, null, null, why);
    }
    // No letters, no language: only emoji can say something, never a language's model.
    boolean words = text.codePoints().anyMatch(Character::isLetter);
    String language = words ? pickLanguage(languages.candidates(text)) : null;
    SentimentAnalyzer analyzer = language == null ? withoutLanguage : analyzers.get(language);
    if (analyzer == null) {
      return SentimentResult.notScored(
          language == null ? SentimentResult.UNSCORED : SentimentResult.UNSUPPORTED,
          language,
          null,
          language != null
              ? "no sentiment model for language '" + language + "' yet"
              : words
                  ? "language could not be detected"
                  : "no words to score (only emoji, numbers or symbols)");
    }
    try {
      return analyzer.analyze(text);
    } catch (RuntimeException e) {
      if (Interruptions.isInterruption(e)) {
        throw e; // not the text's fault: the worker leaves it pending
      }
      return SentimentResult.notScored(
          SentimentResult.FAILED,
          language,
          null,
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
