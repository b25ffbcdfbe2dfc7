package org.complaintdesk.sentiment.prep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.complaintdesk.sentiment.lexicon.EmojiLexicon;

/**
 * Turns a social post into text a parser trained on newswire can handle, and collects the signals
 * the parser would throw away (emoji, shouting, elongations). Thread-safe and cheap: one regex
 * pass.
 *
 * <p>Why each step: URLs and reply handles are noise to a parser; a hashtag is usually words
 * ("#NeverAgain"); emoji are unknown tokens to CoreNLP but strong sentiment cues; "sooooo" and
 * "WORST" are unknown or mis-tagged words but say the author is emphatic; HTML entities come from
 * network APIs that escape text.
 */
public final class SocialTextPreparer {
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<url>(?:https?://|www\\.)\\S+)"
              + "|(?<handle>@[\\p{L}\\p{N}_]+)"
              + "|(?<hashtag>#[\\p{L}\\p{N}_]+)"
              + "|(?<entity>&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});)"
              + "|(?<emoticon>(?<![\\p{L}\\p{N}])(?:>?[:;=][-'^o]?[)(\\]\\[dDpP/\\\\|*3]+|<3+|</3"
              + "|\\^_?\\^|-_-|[Tt]_[Tt])(?![\\p{L}\\p{N}]))"
              + "|(?<word>[\\p{L}\\p{M}\\p{N}_]+(?:['’][\\p{L}]+)?)");

  /**
   * Marks that end a clause, so a negator before one does not reach a word after it; with the
   * Arabic-script comma and semicolon that Persian and Arabic posts use.
   */
  private static final String CLAUSE_MARKS = ",;:.…—–،؛";

  private static final Pattern ELONGATED = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|_");

  private final EmojiLexicon emoji;

  public SocialTextPreparer(EmojiLexicon emoji) {
    this.emoji = emoji;
  }

  /**
   * "wasn’t" as "wasn't". Phones type the typographic apostrophe (iOS smart punctuation), while
   * most training tweets and CoreNLP's and the sentence encoder's vocabularies have the ASCII one:
   * "the food wasn’t good" scored P(detractor) 0.67 against 0.82 for "wasn't". Same length, so
   * offsets into the original still hold.
   */
  public static String asciiApostrophes(String text) {
    return text.replace('’', '\'');
  }

  public PreparedText prepare(String original) {
    String text = original == null ? "" : original;
    Builder out = new Builder(text);
    Matcher m = TOKEN.matcher(text);
    int pos = 0;
    boolean seenWord = false;
    while (m.find()) {
      out.between(pos, m.start());
      if (m.group("url") != null) {
        out.cue(Cue.Kind.URL, m.group(), 0);
        out.words.add("<url>");
      } else if (m.group("handle") != null) {
        out.cue(Cue.Kind.HANDLE, m.group(), 0);
        out.words.add("<user>");
        if (seenWord) { // "thanks @Delta": keep the name; leading reply handles are dropped
          out.append(m.group().substring(1), m.start() + 1);
        }
      } else if (m.group("hashtag") != null) {
        out.cue(Cue.Kind.HASHTAG, m.group(), 0);
        String[] parts = CAMEL.split(m.group().substring(1));
        int at = m.start() + 1;
        for (String part : parts) {
          if (!part.isEmpty()) {
            out.space(at);
            out.word(part, at);
          }
          at += part.length();
        }
        seenWord = true;
      } else if (m.group("entity") != null) {
        String decoded = StringEscapeUtils.unescapeHtml4(m.group());
        if (decoded.codePoints().anyMatch(emoji::isEmoji)) {
          out.emoji(decoded, m.start());
        } else {
          out.append(decoded, m.start(), decoded.length());
        }
      } else if (m.group("emoticon") != null) {
        double polarity = emoticonPolarity(m.group());
        out.cue(Cue.Kind.EMOTICON, m.group(), polarity);
        out.words.add(polarity < 0 ? "<emoticon-neg>" : "<emoticon-pos>");
        out.space(m.start());
      } else {
        out.word(m.group(), m.start());
        seenWord = true;
      }
      pos = m.end();
    }
    out.between(pos, text.length());
    return out.build();
  }

  /** Sad mouths, broken hearts and grumpy faces are negative; everything else smiles. */
  static double emoticonPolarity(String e) {
    if (e.equals("</3") || e.equals("-_-") || e.equalsIgnoreCase("t_t") || e.startsWith(">")) {
      return -1;
    }
    if (e.startsWith("<3") || e.startsWith("^")) {
      return 1;
    }
    char mouth = e.charAt(e.length() - 1);
    return "([/\\|".indexOf(mouth) >= 0 ? -1 : 1;
  }

  /** Accumulates the parse text with its char-by-char map back to the original. */
  private final class Builder {
    final String original;
    final StringBuilder parse = new StringBuilder();
    final List<Integer> index = new ArrayList<>();
    final List<String> words = new ArrayList<>();
    final List<Cue> cues = new ArrayList<>();
    final Set<Integer> clauseStarts = new HashSet<>();

    Builder(String original) {
      this.original = original;
    }

    void cue(Cue.Kind kind, String text, double polarity) {
      cues.add(new Cue(kind, text, polarity));
    }

    void append(String s, int originalStart) {
      append(s, originalStart, s.length());
    }

    /** Appends {@code s}, mapping its i-th char to original index start + min(i, span - 1). */
    void append(String s, int originalStart, int span) {
      for (int i = 0; i < s.length(); i++) {
        parse.append(s.charAt(i));
        index.add(originalStart + Math.min(i, Math.max(0, span - 1)));
      }
    }

    void space(int originalAt) {
      if (parse.length() > 0 && parse.charAt(parse.length() - 1) != ' ') {
        append(" ", originalAt);
      }
    }

    void word(String raw, int originalStart) {
      String w = raw;
      Matcher e = ELONGATED.matcher(w);
      if (e.find()) {
        cue(Cue.Kind.ELONGATION, raw, 0);
        w = e.replaceAll("$1$1");
      }
      long letters = w.codePoints().filter(Character::isLetter).count();
      long rawLetters = raw.codePoints().filter(Character::isLetter).count();
      boolean caps =
          letters >= 2
              && w.codePoints().noneMatch(Character::isLowerCase)
              && w.codePoints().anyMatch(Character::isUpperCase);
      if (caps) {
        if (rawLetters >= 4) {
          cue(Cue.Kind.SHOUTING, raw, 0);
        }
        w = w.toLowerCase(Locale.ROOT);
      }
      w = asciiApostrophes(w);
      // An elongated word maps its shortened chars onto the start of the original word.
      for (int i = 0; i < w.length(); i++) {
        parse.append(w.charAt(i));
        index.add(originalStart + Math.min(i, raw.length() - 1));
      }
      words.add(w.toLowerCase(Locale.ROOT));
    }

    void emoji(String s, int originalStart) {
      double polarity = emoji.polarity(s);
      cue(Cue.Kind.EMOJI, s, polarity);
      words.add(s);
      space(originalStart);
    }

    /** Punctuation, spaces and emoji between tokens. Runs of ! and ? become one. */
    void between(int from, int to) {
      int i = from;
      while (i < to) {
        int cp = original.codePointAt(i);
        int len = Character.charCount(cp);
        if (emoji.isEmoji(cp)) {
          int end = i + len;
          // Keep skin tones, variation selectors and joiners with their emoji.
          while (end < to && emoji.isModifier(original.codePointAt(end))) {
            end += Character.charCount(original.codePointAt(end));
          }
          emoji(original.substring(i, end), i);
          i = end;
          continue;
        }
        if (emoji.isModifier(cp)) {
          i += len;
          continue;
        }
        char c = original.charAt(i);
        if (c == '!' || c == '?') {
          int end = i;
          while (end < to && (original.charAt(end) == '!' || original.charAt(end) == '?')) {
            end++;
          }
          String run = original.substring(i, end);
          if (run.indexOf('?') >= 0) {
            cue(Cue.Kind.QUESTION, run, 0);
          }
          if (run.indexOf('!') >= 0) {
            cue(Cue.Kind.EXCLAMATION, run, 0);
          }
          append(run.indexOf('?') >= 0 ? "?" : "!", i);
          words.add(run.indexOf('?') >= 0 ? "?" : "!");
          i = end;
          continue;
        }
        if (CLAUSE_MARKS.indexOf(c) >= 0) {
          clauseStarts.add(words.size());
        }
        if (Character.isWhitespace(c)) {
          space(i);
        } else {
          append(original.substring(i, i + len), i);
        }
        i += len;
      }
    }

    PreparedText build() {
      int start = 0;
      int end = parse.length();
      while (start < end && parse.charAt(start) == ' ') {
        start++;
      }
      while (end > start && parse.charAt(end - 1) == ' ') {
        end--;
      }
      int[] map = new int[end - start];
      for (int i = start; i < end; i++) {
        map[i - start] = index.get(i);
      }
      return new PreparedText(
          original,
          parse.substring(start, end),
          map,
          List.copyOf(words),
          List.copyOf(cues),
          Set.copyOf(clauseStarts));
    }
  }
}
