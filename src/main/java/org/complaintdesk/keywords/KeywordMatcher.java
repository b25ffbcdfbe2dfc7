package org.complaintdesk.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first active keyword whose query a post matches (see {@link QueryParser} for the
 * language; a bare word is a query, so plain terms keep working). Matching is case-folded across
 * scripts and whole-word: "Kite" does not match "Kitesurfing".
 */
public final class KeywordMatcher {
  private final List<Keyword> keywords;
  private final List<KeywordQuery> queries;

  public KeywordMatcher(List<Keyword> keywords) {
    this.keywords = List.copyOf(keywords);
    this.queries = new ArrayList<>(keywords.size());
    for (Keyword k : this.keywords) {
      queries.add(compile(k.term()));
    }
  }

  /** A stored term from before queries that does not parse is matched as one literal term. */
  static KeywordQuery compile(String term) {
    try {
      return KeywordQuery.parse(term);
    } catch (QuerySyntaxException e) {
      return KeywordQuery.parse("\"" + term.replace("\"", " ") + "\"");
    }
  }

  public Optional<Keyword> firstMatch(String text) {
    return firstMatch(text, null, null);
  }

  /** Matches the full query, including lang: and from: filters. */
  public Optional<Keyword> firstMatch(String text, String language, String authorHandle) {
    if (text == null) {
      return Optional.empty();
    }
    String folded = TextFolding.fold(text); // once per post, not once per keyword
    for (int i = 0; i < keywords.size(); i++) {
      if (queries.get(i).matchesFolded(folded, language, authorHandle)) {
        return Optional.of(keywords.get(i));
      }
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return keywords.isEmpty();
  }

  public List<Keyword> keywords() {
    return keywords;
  }

  /** The compiled queries of the keywords with these ids (all of them when ids is empty). */
  public List<KeywordQuery> queries(List<Long> ids) {
    List<KeywordQuery> out = new ArrayList<>();
    for (int i = 0; i < keywords.size(); i++) {
      if (ids.isEmpty() || ids.contains(keywords.get(i).id())) {
        out.add(queries.get(i));
      }
    }
    return out;
  }
}
