package org.complaintdesk.sentiment.lexicon;

import java.util.HashMap;
import java.util.Map;

/**
 * Emoji polarity in [-1, 1], from the emoji entries of the nlp.js AFINN lists (scores -5..5). Also
 * knows which code points are emoji at all, so that an emoji with no score is still a cue.
 */
public final class EmojiLexicon {
  private final Map<String, Double> polarity;

  public EmojiLexicon(Map<String, Double> polarity) {
    this.polarity = Map.copyOf(polarity);
  }

  /** The emoji scored in the bundled nlp.js lexicon. */
  public static EmojiLexicon bundled() {
    Map<String, Double> scores = new HashMap<>();
    LexiconFiles.onAfinnScale("ar")
        .forEach(
            (k, v) -> {
              if (k.codePoints().allMatch(cp -> isEmojiCodePoint(cp) || isModifierCodePoint(cp))) {
                scores.put(strip(k), Math.max(-1, Math.min(1, v / 3.0)));
              }
            });
    return new EmojiLexicon(scores);
  }

  /** Polarity of an emoji (skin tones and variation selectors ignored); 0 when unknown. */
  public double polarity(String emoji) {
    return polarity.getOrDefault(strip(emoji), 0.0);
  }

  public boolean isEmoji(int codePoint) {
    return isEmojiCodePoint(codePoint);
  }

  public boolean isModifier(int codePoint) {
    return isModifierCodePoint(codePoint);
  }

  static boolean isEmojiCodePoint(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2B00 && cp <= 0x2BFF)
        || cp == 0x2764
        || cp == 0x2665;
  }

  static boolean isModifierCodePoint(int cp) {
    return cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF);
  }

  private static String strip(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().filter(cp -> !isModifierCodePoint(cp)).forEach(b::appendCodePoint);
    return b.toString();
  }
}
