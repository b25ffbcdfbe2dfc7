package org.complaintdesk.sentiment.prep;

import java.util.List;
import java.util.Set;

/**
 * A post made fit for parsing, with a way back to its original wording.
 *
 * @param original the post as written
 * @param forParsing URLs, leading reply handles and emoji removed, entities decoded, elongations
 *     shortened, shouted words lower-cased, hashtags split into words
 * @param originalIndex for every char of {@code forParsing}, the index of the original char it came
 *     from, so that a phrase found in the parsed text can be quoted as the author wrote it
 * @param words lower-cased words and emoji/emoticon tokens, the vocabulary of the trained layer
 * @param cues emoji, emoticons, shouting, elongations, hashtags, handles, links, ! and ?
 * @param clauseStarts indexes into {@code words} of the words that follow a comma, semicolon,
 *     colon, full stop, ellipsis or dash, Latin or Arabic-script (punctuation is not among the
 *     words)
 */
public record PreparedText(
    String original,
    String forParsing,
    int[] originalIndex,
    List<String> words,
    List<Cue> cues,
    Set<Integer> clauseStarts) {

  /** The original wording of {@code forParsing.substring(begin, end)}. */
  public String originalOf(int begin, int end) {
    if (begin < 0 || end > forParsing.length() || begin >= end) {
      return forParsing.substring(Math.max(0, begin), Math.min(forParsing.length(), end));
    }
    int from = originalIndex[begin];
    int to = originalIndex[end - 1] + 1;
    // Extend over the rest of an elongated or entity-encoded word ("sooooo" for "soo").
    while (to < original.length()
        && Character.isLetterOrDigit(original.charAt(to))
        && Character.isLetterOrDigit(original.charAt(to - 1))) {
      to++;
    }
    if (original.startsWith("&", to - 1)) {
      int semi = original.indexOf(';', to);
      to = semi > 0 && semi - to < 8 ? semi + 1 : to;
    }
    return original.substring(from, Math.min(to, original.length()));
  }

  public boolean has(Cue.Kind kind) {
    return cues.stream().anyMatch(c -> c.kind() == kind);
  }

  public long count(Cue.Kind kind) {
    return cues.stream().filter(c -> c.kind() == kind).count();
  }
}
