package org.complaintdesk.keywords;

import java.util.List;
import java.util.Locale;

/**
 * A parsed, compiled keyword query, matched locally against a post. Every fetched post is checked
 * here before it is stored, whatever the network's own search understood of the query.
 */
public final class KeywordQuery {
  private final String text;
  private final QueryNode root;
  private final QueryNode folded;

  private KeywordQuery(String text, QueryNode root) {
    this.text = text;
    this.root = root;
    this.folded = fold(root);
  }

  /**
   * @throws QuerySyntaxException with the position of the problem
   */
  public static KeywordQuery parse(String text) {
    return new KeywordQuery(text, QueryParser.parse(text));
  }

  public String text() {
    return text;
  }

  public QueryNode ast() {
    return root;
  }

  /** Matches text alone (language and author unknown). */
  public boolean matches(String postText) {
    return matches(postText, null, null);
  }

  /**
   * @param language the network's language code, or null when it gave none: lang: filters then let
   *     the post through (sentiment detects the language later), rather than silently drop it
   * @param authorHandle the author's handle without '@' (Mastodon: user or user@instance)
   */
  public boolean matches(String postText, String language, String authorHandle) {
    return matchesFolded(TextFolding.fold(postText), language, authorHandle);
  }

  /** As {@link #matches}, for a text already passed through {@link TextFolding#fold}. */
  boolean matchesFolded(String foldedText, String language, String authorHandle) {
    return eval(folded, new Post(foldedText, language, authorHandle));
  }

  private record Post(String text, String language, String author) {}

  private static boolean eval(QueryNode node, Post post) {
    if (node instanceof QueryNode.Term t) {
      return TextFolding.containsWord(post.text(), t.text());
    } else if (node instanceof QueryNode.Phrase p) {
      return TextFolding.containsWord(post.text(), p.text());
    } else if (node instanceof QueryNode.Hashtag h) {
      return TextFolding.containsWord(post.text(), "#" + h.tag());
    } else if (node instanceof QueryNode.Mention m) {
      return TextFolding.containsWord(post.text(), "@" + m.handle());
    } else if (node instanceof QueryNode.Lang l) {
      return post.language() == null || languageMatches(post.language(), l.code());
    } else if (node instanceof QueryNode.From f) {
      return authorMatches(post.author(), f.handle());
    } else if (node instanceof QueryNode.Not n) {
      if (n.node() instanceof QueryNode.Lang && post.language() == null) {
        return true; // unknown language: neither in nor out
      }
      return !eval(n.node(), post);
    } else if (node instanceof QueryNode.And a) {
      for (QueryNode child : a.nodes()) {
        if (!eval(child, post)) {
          return false;
        }
      }
      return true;
    }
    for (QueryNode child : ((QueryNode.Or) node).nodes()) {
      if (eval(child, post)) {
        return true;
      }
    }
    return false;
  }

  private static boolean languageMatches(String language, String code) {
    String l = language.toLowerCase(Locale.ROOT).replace('_', '-');
    return l.equals(code) || l.startsWith(code + "-");
  }

  /** from:ann matches "ann" and, on Mastodon, "ann@any.instance"; from:ann@x matches only that. */
  private static boolean authorMatches(String author, String handle) {
    if (author == null) {
      return false;
    }
    String a = TextFolding.fold(author.startsWith("@") ? author.substring(1) : author);
    if (a.equals(handle)) {
      return true;
    }
    return !handle.contains("@") && a.startsWith(handle + "@");
  }

  /** The AST with every text folded once, so matching folds only the post. */
  private static QueryNode fold(QueryNode node) {
    if (node instanceof QueryNode.Term t) {
      return new QueryNode.Term(TextFolding.fold(t.text()), t.position());
    } else if (node instanceof QueryNode.Phrase p) {
      return new QueryNode.Phrase(TextFolding.fold(p.text()), p.position());
    } else if (node instanceof QueryNode.Hashtag h) {
      return new QueryNode.Hashtag(TextFolding.fold(h.tag()), h.position());
    } else if (node instanceof QueryNode.Mention m) {
      return new QueryNode.Mention(TextFolding.fold(m.handle()), m.position());
    } else if (node instanceof QueryNode.From f) {
      return new QueryNode.From(TextFolding.fold(f.handle()), f.position());
    } else if (node instanceof QueryNode.Not n) {
      return new QueryNode.Not(fold(n.node()), n.position());
    } else if (node instanceof QueryNode.And a) {
      return new QueryNode.And(a.nodes().stream().map(KeywordQuery::fold).toList());
    } else if (node instanceof QueryNode.Or o) {
      return new QueryNode.Or(o.nodes().stream().map(KeywordQuery::fold).toList());
    }
    return node;
  }

  /** The content words of the query (terms, phrases, hashtags, mentions outside negations). */
  public List<QueryNode> positiveAtoms() {
    var out = new java.util.ArrayList<QueryNode>();
    collect(root, out);
    return out;
  }

  private static void collect(QueryNode node, List<QueryNode> out) {
    if (node instanceof QueryNode.And a) {
      a.nodes().forEach(n -> collect(n, out));
    } else if (node instanceof QueryNode.Or o) {
      o.nodes().forEach(n -> collect(n, out));
    } else if (!(node instanceof QueryNode.Not)
        && !(node instanceof QueryNode.Lang)
        && !(node instanceof QueryNode.From)) {
      out.add(node);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
