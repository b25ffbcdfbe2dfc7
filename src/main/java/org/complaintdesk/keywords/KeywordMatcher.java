package org.complaintdesk.keywords;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the first active keyword a text mentions: a case-insensitive match of the whole term, where
 * a term that starts or ends with a letter or digit must not be glued to another word ("Kite" does
 * not match "Kitesurfing").
 */
public final class KeywordMatcher {
  private final List<Keyword> keywords;

  public KeywordMatcher(List<Keyword> keywords) {
    this.keywords = List.copyOf(keywords);
  }

  public Optional<Keyword> firstMatch(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String haystack = text.toLowerCase(Locale.ROOT);
    for (Keyword k : keywords) {
      if (contains(haystack, k.term().toLowerCase(Locale.ROOT))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return keywords.isEmpty();
  }

  private static boolean contains(String haystack, String term) {
    int from = 0;
    while (true) {
      int at = haystack.indexOf(term, from);
      if (at < 0) {
        return false;
      }
      int end = at + term.length();
      boolean leftOk =
          !isWordChar(term.charAt(0)) || at == 0 || !isWordChar(haystack.charAt(at - 1));
      boolean rightOk =
          !isWordChar(term.charAt(term.length() - 1))
              || end == haystack.length()
              || !isWordChar(haystack.charAt(end));
      if (leftOk && rightOk) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
