package org.complaintdesk.replies;

import java.time.Instant;
import org.complaintdesk.common.Network;

/** A reply written by a responder, and whether the network took it. */
public record Reply(
    long id,
    long caseId,
    long inReplyToMentionId,
    long authorId,
    String author,
    Network network,
    String text,
    String status,
    String externalId,
    String error,
    Instant createdAt,
    Instant sentAt) {}
