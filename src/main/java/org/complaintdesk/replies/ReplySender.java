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
