package org.complaintdesk.keywords;

import java.util.List;

/**
 * The AST of a keyword query. Positions are 1-based character offsets in the query text, for error
 * messages. See {@link QueryParser} for the syntax.
 */
public sealed interface QueryNode {
  /** A bare word matched as a whole word ("Kite" does not match "Kitesurfing"). */
  record Term(String text, int position) implements QueryNode {}

  /** "an exact phrase": the words in this order, whole words, spacing ignored. */
  record Phrase(String text, int position) implements QueryNode {}

  /** #tag (stored without '#'). */
  record Hashtag(String tag, int position) implements QueryNode {}

  /**
   * @handle (stored without '@').
   */
  record Mention(String handle, int position) implements QueryNode {}

  /** lang:xx: the post's language as the network reports it. */
  record Lang(String code, int position) implements QueryNode {}

  /** from:handle: the post's author (usually negated: -from:OurBrand). */
  record From(String handle, int position) implements QueryNode {}

  /** -x */
  record Not(QueryNode node, int position) implements QueryNode {}

  /** x y z: all of them. */
  record And(List<QueryNode> nodes) implements QueryNode {
    public And {
      nodes = List.copyOf(nodes);
    }
  }

  /** x OR y: any of them. */
  record Or(List<QueryNode> nodes) implements QueryNode {
    public Or {
      nodes = List.copyOf(nodes);
    }
  }
}
