package org.complaintdesk.sentiment;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lingua, restricted to the languages our customers write in (plus a few neighbours so that, say,
 * Ukrainian is not reported as Russian). Lingua is accurate on tweet-length texts, where n-gram
 * detectors built for documents are not.
 */
public final class LinguaLanguageDetector implements LanguageDetector {
  private static final Pattern NOISE =
      Pattern.compile("(https?://\\S+)|([@#][\\p{L}\\p{N}_]+)|(&[a-z]+;)");

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
          .withMinimumRelativeDistance(0.05)
          .build();

  @Override
  public Optional<String> detect(String text) {
    // Handles, hashtags and links are usually Latin brand names; they say nothing of the language.
    String prose = NOISE.matcher(text == null ? "" : text).replaceAll(" ").strip();
    if (prose.codePoints().noneMatch(Character::isLetter)) {
      return Optional.empty();
    }
    Language language = detector.detectLanguageOf(prose);
    if (language == Language.UNKNOWN) {
      return Optional.empty();
    }
    return Optional.of(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
  }
}
