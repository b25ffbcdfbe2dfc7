package org.complaintdesk.sentiment.lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Our complaint cues for one language ({@code sentiment/complaint-cues/LANG.txt}): what customers
 * write to a brand when something failed ("لم يصل", "sigo esperando", "non funziona", "rimborso").
 * They set the complaint flag of the languages that have no complaint layer, so a calm "three days
 * without internet and nobody answers" opens a case although the sentiment layer, trained on
 * general tweets, calls it neutral.
 *
 * <p>Matching is on the post's words, case- and (where the lexicon ignores them) accent-blind. Each
 * cue word matches a word that starts with it, so cues are written as stems ("reembols" for
 * reembolso/reembolsaron, "لم يصل" for لم يصلني); cue words under {@value #MIN_PREFIX} letters must
 * match whole ("no", "لا"). An Arabic cue also matches after a joined "و" or "ف" (and, so).
 */
public final class ComplaintCueList {
  static final int MIN_PREFIX = 3;

  private final String language;
  private final List<String[]> cues;
  private final String joinedConjunctions;

  public ComplaintCueList(String language, List<String> cues) {
    this.language = language;
    this.joinedConjunctions = JOINED_CONJUNCTIONS.getOrDefault(language, "");
    List<String[]> split = new ArrayList<>();
    for (String cue : cues) {
      String[] words = form(language, cue).strip().split("\\s+");
      if (words.length > 0 && !words[0].isEmpty()) {
        split.add(words);
      }
    }
    // Longest first, so "no funciona" is quoted whole rather than as "funciona".
    split.sort(Comparator.comparingInt((String[] w) -> w.length).reversed());
    this.cues = List.copyOf(split);
  }

  /** The cues shipped for a language; empty when it has none. */
  public static ComplaintCueList bundled(String language) {
    return new ComplaintCueList(language, LexiconFiles.complaintCues(language));
  }

  public boolean isEmpty() {
    return cues.isEmpty();
  }

  /**
   * A matched cue.
   *
   * @param quote the post's words it matched
   * @param cue which entry of the list matched (the same cue twice is one cue)
   */
  public record Match(String quote, int cue) {}

  /** The matched cues in order, without overlaps. */
  public List<Match> find(List<String> words) {
    List<String> normalized = words.stream().map(w -> form(language, w)).toList();
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < normalized.size(); i++) {
      for (int c = 0; c < cues.size(); c++) {
        String[] cue = cues.get(c);
        if (matchesAt(cue, normalized, i)) {
          out.add(new Match(String.join(" ", words.subList(i, i + cue.length)), c));
          i += cue.length - 1;
          break;
        }
      }
    }
    return out;
  }

  private boolean matchesAt(String[] cue, List<String> words, int at) {
    if (at + cue.length > words.size()) {
      return false;
    }
    for (int k = 0; k < cue.length; k++) {
      String word = words.get(at + k);
      if (!matches(word, cue[k]) && !(k == 0 && matchesAfterConjunction(word, cue[0]))) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(String word, String cue) {
    return cue.length() < MIN_PREFIX ? word.equals(cue) : word.startsWith(cue);
  }

  /**
   * Arabic writes "and" and "so" as a letter joined to the next word: "والأكل بارد" (and the food
   * is cold) is the cue "الأكل بارد" after "و". Only the cue's first word, where a clause begins.
   */
  private boolean matchesAfterConjunction(String word, String cue) {
    return word.length() > 1
        && joinedConjunctions.indexOf(word.charAt(0)) >= 0
        && matches(word.substring(1), cue);
  }

  /**
   * A word as cues compare it: as the lexicon compares it, and in Arabic with teh marbuta as heh
   * and alef maksura as yeh, as posts very often write them ("خدمه سيئه" for "خدمة سيئة", bad
   * service; "اسوء خدمه" matched no cue and read 0.21). Only here: the cues set the complaint flag,
   * which no trained layer reads, while the lexicon's features are what the Arabic layer was
   * trained on.
   */
  private static String form(String language, String word) {
    String normalized = SentimentLexicon.normalize(language, word);
    return language.equals("ar") ? normalized.replace('ة', 'ه').replace('ى', 'ي') : normalized;
  }

  /** One-letter conjunctions written joined to the next word, per language. */
  private static final Map<String, String> JOINED_CONJUNCTIONS = Map.of("ar", "وف");
}
