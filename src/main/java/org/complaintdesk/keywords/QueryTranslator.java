package org.complaintdesk.keywords;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The best translation of keyword queries that each network's search allows. Translations may be
 * broader than the query (never narrower); every fetched post is re-checked locally with {@link
 * KeywordQuery#matches} before it is stored.
 */
public final class QueryTranslator {
  private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final int MAX_ALTERNATIVES = 20;

  private QueryTranslator() {}

  /**
   * X v2 recent search (and v1.1 search): the syntax is nearly ours. Several queries are OR-ed and
   * reposts are left out at the source.
   */
  public static String x(List<KeywordQuery> queries) {
    String body =
        queries.size() == 1
            ? x(queries.get(0).ast(), false)
            : queries.stream()
                .map(q -> "(" + x(q.ast(), false) + ")")
                .collect(Collectors.joining(" OR "));
    return (queries.size() == 1 && queries.get(0).ast() instanceof QueryNode.Or
            ? "(" + body + ")"
            : body)
        + " -is:retweet";
  }

  private static String x(QueryNode node, boolean nested) {
    if (node instanceof QueryNode.Term t) {
      return PLAIN_WORD.matcher(t.text()).matches() ? t.text() : "\"" + t.text() + "\"";
    } else if (node instanceof QueryNode.Phrase p) {
      return "\"" + p.text() + "\"";
    } else if (node instanceof QueryNode.Hashtag h) {
      return "#" + h.tag();
    } else if (node instanceof QueryNode.Mention m) {
      return "@" + m.handle();
    } else if (node instanceof QueryNode.Lang l) {
      return "lang:" + l.code();
    } else if (node instanceof QueryNode.From f) {
      return "from:" + f.handle();
    } else if (node instanceof QueryNode.Not n) {
      return "-" + x(n.node(), true);
    } else if (node instanceof QueryNode.And a) {
      String s = a.nodes().stream().map(c -> x(c, true)).collect(Collectors.joining(" "));
      return nested ? "(" + s + ")" : s;
    }
    String s =
        ((QueryNode.Or) node)
            .nodes().stream().map(c -> x(c, true)).collect(Collectors.joining(" OR "));
    return nested ? "(" + s + ")" : s;
  }

  /**
   * Bluesky searchPosts {@code q}: no OR, so each alternative becomes its own search. Exclusions
   * and filters are left to the local check (a broader search loses nothing).
   */
  public static List<String> bluesky(List<KeywordQuery> queries) {
    Set<String> out = new LinkedHashSet<>();
    for (KeywordQuery q : queries) {
      for (List<QueryNode> conjunction : alternatives(q.ast())) {
        String s =
            conjunction.stream()
                .map(QueryTranslator::positiveAtom)
                .filter(a -> a != null)
                .collect(Collectors.joining(" "));
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Mastodon full-text search (with a token): like Bluesky, no OR, so one search per alternative;
   * exclusions and filters are left to the local check.
   */
  public static List<String> mastodonSearches(List<KeywordQuery> queries) {
    return bluesky(queries);
  }

  /** Reddit search {@code q} (Lucene-like): OR and NOT work; from: is author:; lang: is dropped. */
  public static String reddit(List<KeywordQuery> queries) {
    return queries.stream()
        .map(q -> queries.size() == 1 ? reddit(q.ast(), false) : "(" + reddit(q.ast(), false) + ")")
        .collect(Collectors.joining(" OR "));
  }

  private static String reddit(QueryNode node, boolean nested) {
    if (node instanceof QueryNode.Term t) {
      return PLAIN_WORD.matcher(t.text()).matches() ? t.text() : "\"" + t.text() + "\"";
    } else if (node instanceof QueryNode.Phrase p) {
      return "\"" + p.text() + "\"";
    } else if (node instanceof QueryNode.Hashtag h) {
      return h.tag();
    } else if (node instanceof QueryNode.Mention m) {
      return m.handle();
    } else if (node instanceof QueryNode.Lang) {
      return "";
    } else if (node instanceof QueryNode.From f) {
      return "author:" + f.handle();
    } else if (node instanceof QueryNode.Not n) {
      String inner = reddit(n.node(), true);
      return inner.isEmpty() ? "" : "NOT " + inner;
    }
    boolean and = node instanceof QueryNode.And;
    List<QueryNode> children = and ? ((QueryNode.And) node).nodes() : ((QueryNode.Or) node).nodes();
    String s =
        children.stream()
            .map(c -> reddit(c, true))
            .filter(c -> !c.isEmpty())
            .collect(Collectors.joining(and ? " " : " OR "));
    return nested ? "(" + s + ")" : s;
  }

  /**
   * Mastodon: hashtag timelines are the dependable feed (full-text search only sees opted-in
   * accounts). The hashtags named in the queries, or else their single-word terms as tags.
   */
  public static List<String> mastodonHashtags(List<KeywordQuery> queries) {
    Set<String> tags = new LinkedHashSet<>();
    Set<String> words = new LinkedHashSet<>();
    for (KeywordQuery q : queries) {
      for (QueryNode atom : q.positiveAtoms()) {
        if (atom instanceof QueryNode.Hashtag h) {
          tags.add(h.tag().toLowerCase(Locale.ROOT));
        } else if (atom instanceof QueryNode.Term t && PLAIN_WORD.matcher(t.text()).matches()) {
          words.add(t.text().toLowerCase(Locale.ROOT));
        } else if (atom instanceof QueryNode.Mention m
            && PLAIN_WORD.matcher(m.handle()).matches()) {
          words.add(m.handle().toLowerCase(Locale.ROOT));
        }
      }
    }
    return List.copyOf(tags.isEmpty() ? words : tags);
  }

  private static String positiveAtom(QueryNode node) {
    if (node instanceof QueryNode.Term t) {
      return PLAIN_WORD.matcher(t.text()).matches() ? t.text() : "\"" + t.text() + "\"";
    } else if (node instanceof QueryNode.Phrase p) {
      return "\"" + p.text() + "\"";
    } else if (node instanceof QueryNode.Hashtag h) {
      return "#" + h.tag();
    } else if (node instanceof QueryNode.Mention m) {
      return "@" + m.handle();
    }
    return null;
  }

  /** Disjunctive normal form, capped: each alternative is a list of atoms that must all hold. */
  static List<List<QueryNode>> alternatives(QueryNode node) {
    if (node instanceof QueryNode.Or o) {
      List<List<QueryNode>> out = new ArrayList<>();
      for (QueryNode child : o.nodes()) {
        out.addAll(alternatives(child));
      }
      return cap(out);
    }
    if (node instanceof QueryNode.And a) {
      List<List<QueryNode>> out = List.of(List.of());
      for (QueryNode child : a.nodes()) {
        List<List<QueryNode>> next = new ArrayList<>();
        for (List<QueryNode> prefix : out) {
          for (List<QueryNode> alt : alternatives(child)) {
            List<QueryNode> joined = new ArrayList<>(prefix);
            joined.addAll(alt);
            next.add(joined);
          }
        }
        out = cap(next);
      }
      return out;
    }
    return List.of(List.of(node));
  }

  private static List<List<QueryNode>> cap(List<List<QueryNode>> list) {
    return list.size() > MAX_ALTERNATIVES ? list.subList(0, MAX_ALTERNATIVES) : list;
  }
}
