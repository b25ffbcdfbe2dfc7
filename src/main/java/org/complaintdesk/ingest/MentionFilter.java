package org.complaintdesk.ingest;

import java.time.Instant;
import org.complaintdesk.common.Network;

/** Optional filters for listing mentions; null means "any". */
public record MentionFilter(
    Boolean flagged, Network network, Long keywordId, String language, Instant since) {

  public static MentionFilter none() {
    return new MentionFilter(null, null, null, null, null);
  }
}
