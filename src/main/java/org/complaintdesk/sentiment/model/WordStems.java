package org.complaintdesk.sentiment.model;

import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.de.GermanLightStemmer;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.hi.HindiStemmer;
import org.apache.lucene.analysis.it.ItalianLightStemmer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;

/**
 * Lucene's light stemmers for the n-gram languages: "deluso", "delusa" and "delusi" share the stem
 * "delus", "servizio" and "servizi" the stem "serviz", so a layer trained on 1,840 posts learns one
 * word where it saw several rare ones. Light stemmers (suffixes only, Savoy's and Larkey's
 * algorithms) rather than Snowball, because they do not merge unrelated words as readily. Whether a
 * language's layer uses stems is chosen by cross-validation at {@code train} time.
 */
public final class WordStems {
  // The stemmers hold no state between calls, so one instance of each serves every thread.
  private static final ArabicStemmer AR = new ArabicStemmer();
  private static final GermanLightStemmer DE = new GermanLightStemmer();
  private static final SpanishLightStemmer ES = new SpanishLightStemmer();
  private static final FrenchLightStemmer FR = new FrenchLightStemmer();
  private static final HindiStemmer HI = new HindiStemmer();
  private static final ItalianLightStemmer IT = new ItalianLightStemmer();
  private static final PortugueseLightStemmer PT = new PortugueseLightStemmer();

  private WordStems() {}

  /** The light stem of a lower-case word; the word itself in a language without a stemmer. */
  public static String stem(String language, String word) {
    char[] c = word.toCharArray();
    int len =
        switch (language == null ? "" : language) {
          case "ar" -> AR.stem(c, c.length);
          case "de" -> DE.stem(c, c.length);
          case "es" -> ES.stem(c, c.length);
          case "fr" -> FR.stem(c, c.length);
          case "hi" -> HI.stem(c, c.length);
          case "it" -> IT.stem(c, c.length);
          case "pt" -> PT.stem(c, c.length);
          default -> c.length;
        };
    return new String(c, 0, len);
  }
}
