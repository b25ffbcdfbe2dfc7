package org.complaintdesk.sentiment.lexicon;

import java.util.Map;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The Snowball stem of a word, for the languages whose nlp.js lexicon was stemmed with Snowball's
 * algorithm (nlp.js's {@code stemmer-ru.js} is generated from the same definition). The stem marks
 * where the word's ending begins; a lexicon key shorter than that is another word's stem ("гор",
 * grief, is not the root of "городе", in the city).
 *
 * <p>Only Russian so far: it is served by the lexicon alone, so the change needs no retraining. The
 * n-gram languages' layers were trained on the lexicon hits of the old matching.
 */
final class SnowballStems {
  // Snowball stemmers keep state between calls, so each thread gets its own.
  private static final Map<String, ThreadLocal<SnowballStemmer>> STEMMERS =
      Map.of("ru", ThreadLocal.withInitial(RussianStemmer::new));

  private SnowballStems() {}

  /** The length of the word's Snowball stem; 0 for a language without a Snowball stemmer. */
  static int stemLength(String language, String word) {
    ThreadLocal<SnowballStemmer> stemmer = STEMMERS.get(language);
    if (stemmer == null) {
      return 0;
    }
    SnowballStemmer s = stemmer.get();
    s.setCurrent(word);
    s.stem();
    String stem = s.getCurrent();
    // Russian verbs insert an л after a labial in some forms (люб-ить, любл-ю; куп-ить, купл-ю):
    // the list holds the stem without it.
    if (language.equals("ru")
        && stem.length() >= 3
        && stem.endsWith("л")
        && LABIALS.indexOf(stem.charAt(stem.length() - 2)) >= 0) {
      return stem.length() - 1;
    }
    return stem.length();
  }

  private static final String LABIALS = "бпвмф";
}
