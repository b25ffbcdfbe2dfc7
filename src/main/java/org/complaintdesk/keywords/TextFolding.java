package org.complaintdesk.keywords;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text for matching across scripts: NFKC, full Unicode case folding (upper then lower, so
 * "STRASSE" meets "straße" and Greek final sigma meets sigma), Arabic diacritics and tatweel
 * removed, and the Arabic yeh/kaf mapped to their Persian forms so Persian typed on an Arabic
 * keyboard (and the other way round) still matches. Whitespace runs become one space.
 */
public final class TextFolding {
  private TextFolding() {}

  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
        continue; // harakat, superscript alef, tatweel
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(
          switch (c) {
            case 'ς' -> 'σ';
            case '\u064A', '\u0649' -> '\u06CC'; // Arabic yeh / alef maksura -> Persian yeh
            case '\u0643' -> '\u06A9'; // Arabic kaf -> Persian keheh
            default -> c;
          });
    }
    return out.toString();
  }

  /** Letters, digits, combining marks, '_' and ZWNJ (which joins parts of one Persian word). */
  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c)
        || c == '_'
        || c == '\u200C'
        || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /**
   * Whether folded {@code needle} occurs in folded {@code haystack} as a whole word: a needle that
   * starts (ends) with a word character must not be glued to another word character.
   */
  static boolean containsWord(String haystack, String needle) {
    if (needle.isEmpty()) {
      return false;
    }
    int from = 0;
    while (true) {
      int at = haystack.indexOf(needle, from);
      if (at < 0) {
        return false;
      }
      int end = at + needle.length();
      boolean leftOk =
          !isWordChar(needle.charAt(0)) || at == 0 || !isWordChar(haystack.charAt(at - 1));
      boolean rightOk =
          !isWordChar(needle.charAt(needle.length() - 1))
              || end == haystack.length()
              || !isWordChar(haystack.charAt(end));
      if (leftOk && rightOk) {
        return true;
      }
      from = at + 1;
    }
  }
}
