package org.complaintdesk.keywords;

/** A query that does not parse; the message names the problem and its 1-based position. */
public class QuerySyntaxException extends IllegalArgumentException {
  private final int position;

  public QuerySyntaxException(String message, int position) {
    super(position > 0 ? message + " at position " + position : message);
    this.position = position;
  }

  /** 1-based character position of the problem, 0 for the whole query. */
  public int position() {
    return position;
  }
}
