package org.complaintdesk.sentiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Names the language of a text as an ISO 639-1 code, or empty when unsure. */
public interface LanguageDetector {
  Optional<String> detect(String text);

  /**
   * Candidate languages, most likely first, with relative confidences in [0, 1]. Lets the scorer
   * fall back to a language it has a model for when the top guess is a near-tie it has none for.
   */
  default Map<String, Double> candidates(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    detect(text).ifPresent(l -> out.put(l, 1.0));
    return out;
  }
}
