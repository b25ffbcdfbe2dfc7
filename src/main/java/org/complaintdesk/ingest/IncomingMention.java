package org.complaintdesk.ingest;

import java.time.Instant;
import java.util.Objects;
import org.complaintdesk.common.Network;

/** A post as a source delivers it, normalised but not yet stored. */
public record IncomingMention(
    Network network,
    String externalId,
    String authorHandle,
    String authorName,
    Long authorFollowers,
    String text,
    String language,
    String url,
    Instant postedAt,
    String rawPayload) {

  public IncomingMention {
    Objects.requireNonNull(network, "network");
    if (externalId == null || externalId.isBlank()) {
      throw new IllegalArgumentException("a mention needs an external id");
    }
    if (authorHandle == null || authorHandle.isBlank()) {
      throw new IllegalArgumentException("a mention needs an author handle");
    }
    Objects.requireNonNull(postedAt, "postedAt");
    text = TextNormalizer.normalize(text);
  }
}
