package org.complaintdesk.trends;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.complaintdesk.keywords.Keyword;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sentiment.SentimentResult.Evidence;
import org.jdbi.v3.core.Jdbi;

/**
 * Top complaint phrases in a range: the evidence phrases the sentiment model stored for negative
 * mentions, plus frequent two-word topics from their texts, each with recent example mentions.
 */
public class PhraseService {
  /** At most this many negative mentions are read per report (newest first). */
  public static final int DEFAULT_CAP = 20_000;

  private final Jdbi jdbi;
  private final KeywordService keywords;
  private final ObjectMapper json;
  private final int cap;

  public PhraseService(Jdbi jdbi, KeywordService keywords, ObjectMapper json, int cap) {
    this.jdbi = jdbi;
    this.keywords = keywords;
    this.json = json;
    this.cap = cap;
  }

  /** The filter a phrase report takes (brand resolves to its keywords). */
  public record Filter(List<Long> keywordIds, String brand, String network, String language) {
    public static Filter none() {
      return new Filter(null, null, null, null);
    }
  }

  public PhraseReport top(Instant from, Instant to, Filter f, int limit, int examples) {
    List<Long> ids = f.keywordIds();
    List<Keyword> all = keywords.list();
    if (f.brand() != null) {
      ids =
          all.stream()
              .filter(k -> f.brand().equalsIgnoreCase(Objects.toString(k.brand(), "")))
              .map(Keyword::id)
              .filter(id -> f.keywordIds() == null || f.keywordIds().contains(id))
              .toList();
    }
    Set<String> ignore = new HashSet<>();
    for (Keyword k : all) {
      for (String w : k.term().toLowerCase(Locale.ROOT).split("\\W+")) {
        ignore.add(w);
      }
      if (k.brand() != null) {
        for (String w : k.brand().toLowerCase(Locale.ROOT).split("\\W+")) {
          ignore.add(w);
        }
      }
    }
    List<Long> filterIds = ids;
    var rows =
        jdbi.withExtension(
            PhraseDao.class, d -> d.negatives(from, to, filterIds, f.network(), f.language(), cap));

    Map<String, Counter> counters = new HashMap<>();
    for (var row : rows) {
      Set<String> evidence = new LinkedHashSet<>();
      for (var e : evidence(row.evidence())) {
        String p = PhraseExtractor.normalize(e);
        if (p != null) {
          evidence.add(p);
        }
      }
      for (String p : evidence) {
        counters
            .computeIfAbsent("evidence|" + p, k -> new Counter(p, "evidence"))
            .add(row, examples);
      }
      for (String t : PhraseExtractor.topics(row.text(), ignore)) {
        if (!evidence.contains(t)) {
          counters.computeIfAbsent("topic|" + t, k -> new Counter(t, "topic")).add(row, examples);
        }
      }
    }
    List<PhraseReport.Phrase> phrases =
        counters.values().stream()
            .filter(c -> c.mentions > 1 || rows.size() < 50)
            .sorted(
                Comparator.comparingInt((Counter c) -> -c.mentions)
                    .thenComparing(c -> c.source)
                    .thenComparing(c -> c.phrase))
            .limit(limit)
            .map(c -> new PhraseReport.Phrase(c.phrase, c.source, c.mentions, c.examples))
            .toList();
    return new PhraseReport(from, to, rows.size(), rows.size() >= cap, phrases);
  }

  private List<String> evidence(String evidenceJson) {
    if (evidenceJson == null || evidenceJson.isBlank()) {
      return List.of();
    }
    try {
      List<Map<String, Object>> items = json.readValue(evidenceJson, new TypeReference<>() {});
      List<String> texts = new ArrayList<>();
      for (var item : items) {
        Object t = item.get("text");
        // A weak item is only the biggest of many small weights, not a phrase the model flagged.
        boolean weak = String.valueOf(item.get("kind")).endsWith(Evidence.WEAK_SUFFIX);
        if (t != null && !weak) {
          texts.add(t.toString());
        }
      }
      return texts;
    } catch (IOException e) {
      return List.of(); // a malformed row must not break the report
    }
  }

  private static final class Counter {
    final String phrase;
    final String source;
    int mentions;
    final List<PhraseReport.Example> examples = new ArrayList<>();

    Counter(String phrase, String source) {
      this.phrase = phrase;
      this.source = source;
    }

    void add(PhraseDao.NegativeRow row, int maxExamples) {
      mentions++;
      if (examples.size() < maxExamples) {
        examples.add(
            new PhraseReport.Example(
                row.id(),
                row.network(),
                row.authorHandle(),
                row.postedAt(),
                row.text(),
                row.url()));
      }
    }
  }
}
