package org.complaintdesk.sentiment.multilingual;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * BERT's "basic" tokenizer for a cased model: cleans control characters, splits on whitespace and
 * around every punctuation mark and CJK ideograph, and keeps case and accents (DJL's {@code
 * BertFullTokenizer} always strips accents, which a cased multilingual vocabulary does not expect:
 * Arabic hamza forms, Hindi vowel signs and French é would be changed). WordPiece is DJL's.
 *
 * <p>Handles and links carry no sentiment and would each cost many word pieces, so they become
 * {@code @user} and {@code http}, as in the XLM-T tweets the layers learn from.
 */
final class BertBasicTokenizer {
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w+");

  private BertBasicTokenizer() {}

  static List<String> tokenize(String text) {
    String masked = HANDLE.matcher(URL.matcher(text).replaceAll("http")).replaceAll("@user");
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    masked
        .codePoints()
        .forEach(
            c -> {
              if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
              }
              if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                flush(word, tokens);
              } else if (isPunctuation(c) || isCjk(c)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(c)));
              } else {
                word.appendCodePoint(c);
              }
            });
    flush(word, tokens);
    return tokens;
  }

  private static void flush(StringBuilder word, List<String> tokens) {
    if (!word.isEmpty()) {
      tokens.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT;
  }

  /** ASCII symbols count as punctuation in BERT ("$", "^", "`"), as does every Unicode P* class. */
  static boolean isPunctuation(int c) {
    if ((c >= 33 && c <= 47)
        || (c >= 58 && c <= 64)
        || (c >= 91 && c <= 96)
        || (c >= 123 && c <= 126)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  private static boolean isCjk(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}
