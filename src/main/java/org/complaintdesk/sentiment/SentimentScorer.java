package org.complaintdesk.sentiment;

import java.util.Map;

/**
 * The product's scorer: detects the language and sends the text to the analyser for it. A language
 * without an analyser is reported as unsupported, never silently as neutral.
 */
public class SentimentScorer {
  private final LanguageDetector languages;
  private final Map<String, SentimentAnalyzer> analyzers;

  public SentimentScorer(LanguageDetector languages, Map<String, SentimentAnalyzer> analyzers) {
    this.languages = languages;
    this.analyzers = Map.copyOf(analyzers);
  }

  public SentimentResult score(String text) {
    String language = languages.detect(text).orElse(null);
    SentimentAnalyzer analyzer = language == null ? null : analyzers.get(language);
    if (analyzer == null) {
      return SentimentResult.notScored(
          language == null ? SentimentResult.UNSCORED : SentimentResult.UNSUPPORTED,
          language,
          null,
          language == null
              ? "language could not be detected"
              : "no sentiment model for language '" + language + "' yet");
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
