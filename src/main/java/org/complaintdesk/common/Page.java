package org.complaintdesk.common;

import java.util.List;

/** One page of a listing: the items plus what is needed to ask for the next page. */
public record Page<T>(List<T> items, int limit, int offset, boolean hasMore) {

  /** Builds a page from a query that fetched {@code limit + 1} rows to learn if more exist. */
  public static <T> Page<T> of(List<T> fetched, int limit, int offset) {
    boolean more = fetched.size() > limit;
    return new Page<>(more ? fetched.subList(0, limit) : fetched, limit, offset, more);
  }
}
