package org.complaintdesk.replies;

import org.complaintdesk.common.Network;

/** Posts a reply on a network. One implementation per network client; tests use fakes. */
public interface ReplySender {
  Network network();

  /**
   * Posts the reply and returns the network's id for it.
   *
   * @throws ReplyFailedException when the network refused or could not be reached
   */
  SentReply send(OutgoingReply reply) throws ReplyFailedException;

  /**
   * Whether sending the same {@link OutgoingReply#replyId} twice posts only once (Mastodon's
   * Idempotency-Key). Decides what the outbox does with a reply whose outcome is unknown after a
   * crash: re-send it, or mark it failed for a human to check, so nothing is ever posted twice.
   */
  default boolean idempotent() {
    return false;
  }

  /** What to post, and where. */
  record OutgoingReply(
      long replyId,
      long caseId,
      Network network,
      String inReplyToExternalId,
      String toHandle,
      String text) {}

  record SentReply(String externalId) {}

  /** The network did not take the reply. {@code retryable} says whether trying again may help. */
  class ReplyFailedException extends Exception {
    private final boolean retryable;

    public ReplyFailedException(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }
}
