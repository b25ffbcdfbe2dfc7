package org.complaintdesk.ingest;

import java.util.List;

/**
 * One fetch from a network: the posts and the cursor to resume from. The cursor is stored in the
 * same transaction as the posts, so a crash replays at most one fetch (and dedup absorbs it).
 */
public record FetchResult(List<IncomingMention> mentions, String nextCursor) {
  public FetchResult {
    mentions = List.copyOf(mentions);
  }
}
