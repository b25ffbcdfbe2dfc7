package org.complaintdesk.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.replies.ReplySender;

/** Builds the network client (fetcher and, where the network allows, reply sender) of a source. */
final class NetworkClients {
  private final ObjectMapper json;
  private final KeywordService keywords;
  private final Clock clock;

  NetworkClients(ObjectMapper json, KeywordService keywords, Clock clock) {
    this.json = json;
    this.keywords = keywords;
    this.clock = clock;
  }

  MentionSource mentionSource(SourceConfiguration sc) {
    throw new IllegalArgumentException(
        sc + ": the " + sc.network.key() + " client is not available in this build");
  }

  Optional<ReplySender> replySender(SourceConfiguration sc) {
    return Optional.empty();
  }
}
