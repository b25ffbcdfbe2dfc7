package org.complaintdesk.sentiment;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lingua, restricted to the languages our customers write in (plus a few neighbours so that, say,
 * Ukrainian is not reported as Russian). Lingua is accurate on tweet-length texts, where n-gram
 * detectors built for documents are not.
 */
public final class LinguaLanguageDetector implements LanguageDetector {
  /**
   * Links (also bare or cut-off "http…", as anonymised and truncated tweets have them), handles,
   * Latin-script hashtags and HTML entities. Hashtags in other scripts stay: "#افضل_مباراة" is
   * Arabic prose, and dropping it left some Arabic posts with nothing but digits and "http", which
   * Lingua then called Italian.
   */
  private static final Pattern NOISE =
      Pattern.compile(
          "(\\bhttps?(://\\S*|\\b|…))|(@[\\p{L}\\p{N}_]+)|(#[\\p{IsLatin}\\p{N}_]+(?![\\p{L}\\p{N}_]))|(&[a-z]+;)");

  /** What is left of a kept hashtag: its words. */
  private static final Pattern HASHTAG_MARKS = Pattern.compile("[#_]");

  private final com.github.pemistahl.lingua.api.LanguageDetector detector =
      LanguageDetectorBuilder.fromLanguages(
              Language.ENGLISH,
              Language.ARABIC,
              Language.PERSIAN,
              Language.URDU,
              Language.RUSSIAN,
              Language.UKRAINIAN,
              Language.GREEK,
              Language.SPANISH,
              Language.FRENCH,
              Language.GERMAN,
              Language.PORTUGUESE,
              Language.ITALIAN,
              Language.HINDI,
              Language.TURKISH,
              Language.DUTCH,
              Language.POLISH,
              Language.HEBREW,
              Language.CHINESE,
              Language.JAPANESE,
              Language.KOREAN,
              Language.INDONESIAN)
          .build();

  /**
   * Romanised Hindi ("Kya sai hai re") is how many Indian customers write; no detector trained on
   * scripts sees it as Hindi. Two or more of these common function words (and words customers write
   * to a brand: "kya main online seat badal sakta hoon?") in a Latin-script post make it Hindi.
   */
  private static final Set<String> ROMANISED_HINDI =
      Set.of(
          ("hai hain nahi nahin kya kyu kyun mein bhi kr karo raha rahe rha tha thi yaar "
                  + "aur mujhe kuch bahut bohot accha acha abhi bhai hoga tera mera wala wali kaise "
                  + "gaya diya liya apna sirf matlab koi kuchh karna karte hota hoti ji "
                  + "hoon hun sakta sakti sakte kijiye karein "
                  + "kab kahan kyon nhi meri mere aap aapka apka aapko apko hamara humein kripya "
                  + "dhanyavad shukriya jaldi paisa paise wapas mila mili "
                  // Frequent in XLM-T's Hindi *train* posts and in at most two of its 27,500
                  // English, German, Spanish, French, Italian and Portuguese posts (names left
                  // out).
                  + "ki ka ke ko ye aaj liye sab baat hu hum yeh kiya tum apne desh kaam wale gya "
                  + "hua baar aisa tere kisi kabhi teri yar apni lekin ghar yaad aise kaha lagta "
                  + "aata sahi chahiye itna uske naam rahi sabse gaye bada dete rhe gye soch krne "
                  + "phir hote gayi baad kal khud laga dekhne gyi tujhe jaye hogi apki saath aapke "
                  + "jayega aisi jao tarah jaise duniya woh pta bolo aya usse mei aaya maine thik "
                  + "dekho hona krta toh")
              .split(" "));

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  /** Latin-script words: brand and product names inside a post in another script. */
  private static final Pattern LATIN_WORDS = Pattern.compile("\\p{IsLatin}+");

  /**
   * Letters Urdu writes and Persian and Arabic do not (ٹ ڈ ڑ ں ے ۓ ھ ہ ۃ): nearly every Urdu
   * sentence has one ("ہے", "سے", "میں"), while none of 3,533 Persian UI strings has any. Lingua
   * called 1% of those strings, and colloquial posts like "پولمو پس بدید", Urdu, which has no
   * model.
   */
  private static final Pattern URDU_LETTERS =
      Pattern.compile("[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06C3\u06D2\u06D3]");

  @Override
  public Optional<String> detect(String text) {
    return candidates(text).keySet().stream().findFirst();
  }

  @Override
  public Map<String, Double> candidates(String text) {
    // Handles, hashtags and links are usually Latin brand names; they say nothing of the language.
    // NFKC first: Arabic presentation forms ("ﺍﻟﻠﻪ", old keyboards and copy-paste) are the
    // plain letters to a reader but not to Lingua, which called such posts Urdu or Persian.
    String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
    String prose =
        HASHTAG_MARKS.matcher(NOISE.matcher(normalised).replaceAll(" ")).replaceAll(" ").strip();
    Map<String, Double> out = new LinkedHashMap<>();
    if (prose.codePoints().noneMatch(Character::isLetter)) {
      return out;
    }
    if (romanisedHindiWords(prose) >= 2) {
      out.put("hi", 1.0);
      return out;
    }
    prose = mainScript(prose);
    // Sorted most likely first; relative, so the top language has 1.0.
    detector
        .computeLanguageConfidenceValues(prose)
        .forEach(
            (language, confidence) -> {
              if (language != Language.UNKNOWN && confidence > 0) {
                out.put(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT), confidence);
              }
            });
    if (out.containsKey("ur") && !URDU_LETTERS.matcher(prose).find()) {
      out.remove("ur");
      return relative(out);
    }
    return out;
  }

  /**
   * The post without its Latin-script words when most of its letters are in another script: "CD یا
   * DVD ۱۲۰ میلیمتری" is Persian, but Lingua weighed the Latin words and called it Turkish.
   */
  static String mainScript(String prose) {
    long latin =
        prose
            .codePoints()
            .filter(Character::isLetter)
            .filter(LinguaLanguageDetector::isLatin)
            .count();
    long letters = prose.codePoints().filter(Character::isLetter).count();
    return latin > 0 && latin * 2 < letters
        ? LATIN_WORDS.matcher(prose).replaceAll(" ").strip()
        : prose;
  }

  private static boolean isLatin(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
  }

  /** Confidences divided by the top one's, so the top language has 1.0 again. */
  private static Map<String, Double> relative(Map<String, Double> confidences) {
    Map<String, Double> out = new LinkedHashMap<>();
    double top = confidences.values().stream().findFirst().orElse(1.0);
    confidences.forEach((language, confidence) -> out.put(language, confidence / top));
    return out;
  }

  private static long romanisedHindiWords(String prose) {
    Matcher m = WORD.matcher(prose.toLowerCase(Locale.ROOT));
    Set<String> seen = new HashSet<>();
    while (m.find()) {
      String w = m.group();
      if (w.codePoints().anyMatch(cp -> cp > 0x24F)) {
        return 0; // not Latin script
      }
      if (ROMANISED_HINDI.contains(w)) {
        seen.add(w);
      }
    }
    return seen.size();
  }
}
