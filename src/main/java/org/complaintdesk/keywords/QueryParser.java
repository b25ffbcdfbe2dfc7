package org.complaintdesk.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the keyword query language:
 *
 * <pre>
 *   NimbusAir                      a term (whole word, any case)
 *   "lost my luggage"              an exact phrase
 *   NimbusAir OR Nimbus-Air        either (OR in capitals; binds looser than AND)
 *   NimbusAir -job -hiring         exclusions
 *   lang:en  -lang:de              the language the network reports
 *   -from:NimbusAirHelp            leave out our own accounts (from:x keeps only x)
 *   #nimbusfail  @NimbusAir        hashtag, mention
 *   (a OR b) c                     grouping
 * </pre>
 *
 * Terms next to each other must all match. Every alternative needs at least one term, phrase,
 * hashtag or mention: a query of only exclusions or filters would match nearly everything.
 */
public final class QueryParser {
  public static final int MAX_LENGTH = 500;
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");
  private static final Pattern HANDLE =
      Pattern.compile("[\\p{L}\\p{N}_.\\-]+(@[\\p{L}\\p{N}_.\\-]+)?");

  private final String text;
  private int pos; // 0-based index into text

  private QueryParser(String text) {
    this.text = text;
  }

  public static QueryNode parse(String query) {
    if (query == null || query.isBlank()) {
      throw new QuerySyntaxException("empty query", 0);
    }
    if (query.length() > MAX_LENGTH) {
      throw new QuerySyntaxException(
          "query is " + query.length() + " characters; the limit is " + MAX_LENGTH, 0);
    }
    var parser = new QueryParser(query);
    QueryNode node = parser.parseOr();
    parser.skipSpace();
    if (parser.pos < query.length()) {
      // Only a stray ')' stops parseOr before the end.
      throw new QuerySyntaxException("unbalanced ')'", parser.pos + 1);
    }
    requireContent(node, 1);
    return node;
  }

  private QueryNode parseOr() {
    List<QueryNode> alternatives = new ArrayList<>();
    int start = pos;
    alternatives.add(parseAnd(start));
    while (true) {
      skipSpace();
      if (!atOr()) {
        break;
      }
      int orAt = pos;
      pos += 2;
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) == ')' || atOr()) {
        throw new QuerySyntaxException("OR needs a term on both sides", orAt + 1);
      }
      alternatives.add(parseAnd(pos));
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new QueryNode.Or(alternatives);
  }

  private QueryNode parseAnd(int start) {
    List<QueryNode> parts = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) == ')') {
        break;
      }
      if (atOr()) {
        if (parts.isEmpty()) {
          throw new QuerySyntaxException("OR needs a term on both sides", pos + 1);
        }
        break;
      }
      parts.add(parseUnary());
    }
    if (parts.isEmpty()) {
      if (pos < text.length() && text.charAt(pos) == ')') {
        throw new QuerySyntaxException(
            start > 0 && text.charAt(start - 1) == '(' ? "empty parentheses" : "unbalanced ')'",
            pos + 1);
      }
      throw new QuerySyntaxException("empty query", 0);
    }
    return parts.size() == 1 ? parts.get(0) : new QueryNode.And(parts);
  }

  private QueryNode parseUnary() {
    if (text.charAt(pos) == '-') {
      int at = pos;
      pos++;
      if (pos >= text.length() || Character.isWhitespace(text.charAt(pos))) {
        throw new QuerySyntaxException("'-' must be followed by what to exclude", at + 1);
      }
      if (text.charAt(pos) == '-') {
        throw new QuerySyntaxException("double '-'", pos + 1);
      }
      return new QueryNode.Not(parsePrimary(), at + 1);
    }
    return parsePrimary();
  }

  private QueryNode parsePrimary() {
    char c = text.charAt(pos);
    if (c == '(') {
      int open = pos;
      pos++;
      QueryNode inner = parseOr();
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) != ')') {
        throw new QuerySyntaxException("unbalanced '('", open + 1);
      }
      pos++;
      return inner;
    }
    if (c == '"') {
      int open = pos;
      int close = text.indexOf('"', pos + 1);
      if (close < 0) {
        throw new QuerySyntaxException("unbalanced quote", open + 1);
      }
      String phrase = text.substring(open + 1, close).strip().replaceAll("\\s+", " ");
      pos = close + 1;
      if (phrase.isEmpty()) {
        throw new QuerySyntaxException("empty phrase", open + 1);
      }
      return new QueryNode.Phrase(phrase, open + 1);
    }
    int start = pos;
    while (pos < text.length() && !endsWord(text.charAt(pos))) {
      pos++;
    }
    String word = text.substring(start, pos);
    int at = start + 1;
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.startsWith("lang:")) {
      String code = lower.substring(5);
      if (!LANG.matcher(code).matches()) {
        throw new QuerySyntaxException(
            "lang: needs a language code such as lang:en or lang:fa", at);
      }
      return new QueryNode.Lang(code, at);
    }
    if (lower.startsWith("from:")) {
      String handle = stripPrefix(word.substring(5), '@');
      if (!HANDLE.matcher(handle).matches()) {
        throw new QuerySyntaxException("from: needs an account handle such as from:NimbusAir", at);
      }
      return new QueryNode.From(handle, at);
    }
    if (word.startsWith("#")) {
      if (word.length() == 1) {
        throw new QuerySyntaxException("'#' must be followed by a hashtag", at);
      }
      return new QueryNode.Hashtag(word.substring(1), at);
    }
    if (word.startsWith("@")) {
      if (word.length() == 1) {
        throw new QuerySyntaxException("'@' must be followed by a handle", at);
      }
      return new QueryNode.Mention(word.substring(1), at);
    }
    return new QueryNode.Term(word, at);
  }

  private static String stripPrefix(String s, char prefix) {
    return !s.isEmpty() && s.charAt(0) == prefix ? s.substring(1) : s;
  }

  private static boolean endsWord(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '(' || c == ')';
  }

  private boolean atOr() {
    return text.startsWith("OR", pos)
        && (pos + 2 == text.length() || endsWord(text.charAt(pos + 2)));
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /** Every alternative must say what to look for, not only what to leave out. */
  private static void requireContent(QueryNode node, int position) {
    if (node instanceof QueryNode.Or or) {
      for (QueryNode alternative : or.nodes()) {
        if (!hasContent(alternative)) {
          throw new QuerySyntaxException(
              "an OR alternative has only exclusions or filters", firstPosition(alternative));
        }
      }
    }
    if (!hasContent(node)) {
      throw new QuerySyntaxException(
          "query has only exclusions or filters; add a term, \"phrase\", #hashtag or @mention", 0);
    }
  }

  static boolean hasContent(QueryNode node) {
    if (node instanceof QueryNode.And a) {
      return a.nodes().stream().anyMatch(QueryParser::hasContent);
    }
    if (node instanceof QueryNode.Or o) {
      return o.nodes().stream().allMatch(QueryParser::hasContent);
    }
    return node instanceof QueryNode.Term
        || node instanceof QueryNode.Phrase
        || node instanceof QueryNode.Hashtag
        || node instanceof QueryNode.Mention;
  }

  static int firstPosition(QueryNode node) {
    if (node instanceof QueryNode.Term t) {
      return t.position();
    } else if (node instanceof QueryNode.Phrase p) {
      return p.position();
    } else if (node instanceof QueryNode.Hashtag h) {
      return h.position();
    } else if (node instanceof QueryNode.Mention m) {
      return m.position();
    } else if (node instanceof QueryNode.Lang l) {
      return l.position();
    } else if (node instanceof QueryNode.From f) {
      return f.position();
    } else if (node instanceof QueryNode.Not n) {
      return n.position();
    } else if (node instanceof QueryNode.And a) {
      return firstPosition(a.nodes().get(0));
    }
    return firstPosition(((QueryNode.Or) node).nodes().get(0));
  }
}
