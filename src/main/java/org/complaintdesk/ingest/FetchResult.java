package org.complaintdesk.ingest;

import java.util.List;

/**
 * One fetch (one page) from a network: the posts and the cursor to resume from. The cursor is
 * stored in the same transaction as the posts, so a crash replays at most one page (and dedup
 * absorbs it). {@code more} asks the poller to fetch the next page at once; {@code rateLimit} is
 * what the network's headers said, if anything.
 */
public record FetchResult(
    List<IncomingMention> mentions, String nextCursor, boolean more, RateLimit rateLimit) {
  public FetchResult {
    mentions = List.copyOf(mentions);
  }

  public FetchResult(List<IncomingMention> mentions, String nextCursor) {
    this(mentions, nextCursor, false, null);
  }
}
