package org.complaintdesk.sentiment;

import java.util.Optional;

/** Names the language of a text as an ISO 639-1 code, or empty when unsure. */
public interface LanguageDetector {
  Optional<String> detect(String text);
}
