package org.complaintdesk.trends;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises evidence phrases and pulls cheap "topics" (two adjacent content words, e.g. "late
 * delivery", "customer service") out of a text. No parser: a stop-word list is enough to surface
 * recurring noun-ish pairs, and it costs microseconds per text instead of a CoreNLP parse.
 */
final class PhraseExtractor {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "and", "or", "but", "if", "to", "of", "in", "on", "at", "for", "with",
          "by", "from", "is", "are", "was", "were", "be", "been", "am", "i", "im", "i'm", "you",
          "your", "we", "our", "they", "their", "it", "its", "it's", "this", "that", "these",
          "those", "my", "me", "so", "not", "no", "do", "does", "did", "don't", "didn't", "can't",
          "cannot", "have", "has", "had", "just", "very", "really", "still", "again", "all", "any",
          "what", "why", "how", "when", "who", "there", "here", "about", "up", "out", "as", "than",
          "then", "too", "more", "most", "will", "would", "should", "could", "get", "got", "http",
          "https", "www", "com", "rt", "amp", "he", "she", "his", "her", "them", "us", "over",
          "into", "after", "before", "because", "now", "today", "one", "ever", "never");

  private PhraseExtractor() {}

  /** Lower-case, single-spaced, without surrounding punctuation; null if nothing is left. */
  static String normalize(String phrase) {
    if (phrase == null) {
      return null;
    }
    String p =
        EDGES.matcher(phrase.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).replaceAll("");
    return p.length() < 3 ? null : p;
  }

  /** Distinct two-content-word phrases in the text, leaving out the given keyword terms. */
  static Set<String> topics(String text, Set<String> ignore) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return out;
    }
    List<String> words =
        WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group()).toList();
    for (int i = 0; i + 1 < words.size(); i++) {
      String a = words.get(i);
      String b = words.get(i + 1);
      if (content(a, ignore) && content(b, ignore)) {
        out.add(a + " " + b);
      }
    }
    return out;
  }

  private static boolean content(String w, Set<String> ignore) {
    return w.length() > 2
        && !STOP.contains(w)
        && !ignore.contains(w)
        && !w.chars().allMatch(Character::isDigit);
  }
}
