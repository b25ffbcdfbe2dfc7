package org.complaintdesk.replies;

import java.time.Instant;
import org.complaintdesk.common.Network;

/**
 * A reply written by a responder ({@code kind} "reply") or the automatic acknowledgement
 * ("auto_ack", author "auto-ack"), and whether the network took it.
 */
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
    Instant sentAt,
    String kind) {
  public static final String HUMAN = "reply";
  public static final String AUTO_ACK = "auto_ack";
}
