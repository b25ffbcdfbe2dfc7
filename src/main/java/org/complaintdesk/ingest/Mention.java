package org.complaintdesk.ingest;

import java.time.Instant;
import org.complaintdesk.common.Network;

/** A stored mention as the API and the other features see it. */
public record Mention(
    long id,
    long sourceId,
    Network network,
    String externalId,
    Long keywordId,
    String authorHandle,
    String authorName,
    Long authorFollowers,
    String text,
    String language,
    String url,
    Instant postedAt,
    Instant fetchedAt,
    String sentimentStatus,
    String sentimentLabel,
    boolean detractor,
    Long caseId) {}
