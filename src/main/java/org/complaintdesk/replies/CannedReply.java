package org.complaintdesk.replies;

import java.time.Instant;

/** A reusable reply per language; {@code autoAck} marks a team's automatic acknowledgement. */
public record CannedReply(
    long id,
    String name,
    String language,
    String body,
    boolean autoAck,
    Long teamId,
    Instant createdAt) {}
