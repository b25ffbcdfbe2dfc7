package org.complaintdesk.replies;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ServerErrorException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.Mention;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a responder's reply to the customer's latest post through that network's client, records
 * it, and lets the case compute its first-response time from the moment the network took it.
 */
public class ReplyService {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyService.class);

  private final Jdbi jdbi;
  private final CaseService cases;
  private final EventLog events;
  private final Map<Network, ReplySender> senders;
  private final RepliesConfiguration config;
  private final Clock clock;

  public ReplyService(
      Jdbi jdbi,
      CaseService cases,
      EventLog events,
      List<ReplySender> senders,
      RepliesConfiguration config,
      Clock clock) {
    this.jdbi = jdbi;
    this.cases = cases;
    this.events = events;
    this.senders =
        senders.stream().collect(Collectors.toMap(ReplySender::network, Function.identity()));
    this.config = config;
    this.clock = clock;
  }

  public Reply send(long caseId, String text, User author) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new ClientErrorException("reply text must not be empty", 422);
    }
    if (body.length() > config.maxChars) {
      throw new ClientErrorException(
          "reply text is " + body.length() + " characters; the limit is " + config.maxChars, 422);
    }
    Case c = cases.get(caseId);
    if (c.isResolved()) {
      throw new ClientErrorException("case " + caseId + " is resolved; reopen it to reply", 409);
    }
    ReplySender sender = senders.get(c.network());
    if (sender == null) {
      throw new ClientErrorException(
          "replies cannot be posted to " + c.network().key() + " from Complaint Desk", 422);
    }
    Mention target =
        cases.mentionsOf(caseId).stream()
            .max(Comparator.comparing(Mention::postedAt).thenComparing(Mention::id))
            .orElseThrow(
                () -> new ClientErrorException("case " + caseId + " has no post to answer", 409));

    var dao = jdbi.onDemand(ReplyDao.class);
    long replyId =
        dao.insert(
            caseId, target.id(), author.id(), c.network(), body, clock.instant(), Reply.HUMAN);
    dao.firstAttempt(replyId);
    // The first attempt is made inline so the answer says "sent" when the network took it; a
    // retryable failure leaves the reply queued for the outbox worker.
    if (attempt(replyId, sender, target) == Outcome.FAILED) {
      Reply failed = dao.find(replyId).orElseThrow();
      throw new ServerErrorException("the network did not take the reply: " + failed.error(), 502);
    }
    return dao.find(replyId).orElseThrow();
  }

  /**
   * Sends the automatic acknowledgement of a new case through the outbox, like a human reply: one
   * inline attempt, then retries with back-off, the reply id as idempotency key, a failure on the
   * case. Empty when the case was acknowledged already or its network has no client. Counted as
   * {@code auto_ack_sent}, never as the first response.
   */
  public Optional<Reply> acknowledge(Case c, String text) {
    ReplySender sender = senders.get(c.network());
    Mention target =
        cases.mentionsOf(c.id()).stream()
            .max(Comparator.comparing(Mention::postedAt).thenComparing(Mention::id))
            .orElse(null);
    var dao = jdbi.onDemand(ReplyDao.class);
    Optional<Long> author = dao.autoAckAuthor();
    if (sender == null
        || target == null
        || author.isEmpty()
        || dao.countKind(c.id(), Reply.AUTO_ACK) > 0) {
      return Optional.empty();
    }
    long replyId =
        dao.insert(
            c.id(), target.id(), author.get(), c.network(), text, clock.instant(), Reply.AUTO_ACK);
    dao.firstAttempt(replyId);
    attempt(replyId, sender, target);
    return dao.find(replyId);
  }

  enum Outcome {
    SENT,
    QUEUED,
    FAILED
  }

  /**
   * One attempt at a reply already marked 'sending'. Sent: recorded and the case told. Retryable
   * failure: queued again with exponential back-off (up to {@code maxAttempts}). Otherwise failed,
   * with the network's message on the reply (visible on the case).
   */
  Outcome attempt(long replyId, ReplySender sender, Mention target) {
    var dao = jdbi.onDemand(ReplyDao.class);
    Reply reply = dao.find(replyId).orElseThrow();
    try {
      var sent =
          sender.send(
              new ReplySender.OutgoingReply(
                  replyId,
                  reply.caseId(),
                  reply.network(),
                  target.externalId(),
                  target.authorHandle(),
                  reply.text()));
      var sentAt = clock.instant();
      dao.markSent(replyId, sent.externalId(), sentAt);
      if (Reply.AUTO_ACK.equals(reply.kind())) {
        acknowledged(reply, sent.externalId(), sentAt);
      } else {
        cases.recordReplySent(reply.caseId(), sentAt, reply.author());
      }
      return Outcome.SENT;
    } catch (ReplySender.ReplyFailedException e) {
      int attempts = dao.attempts(replyId);
      events.append(
          EventLog.REPLY_FAILED,
          clock.instant(),
          reply.caseId(),
          target.id(),
          reply.author(),
          null);
      if (e.retryable() && attempts < MAX_ATTEMPTS) {
        var next = clock.instant().plus(backoff(attempts));
        LOG.warn(
            "Reply {} on case {} not posted (attempt {}), retrying at {}: {}",
            replyId,
            reply.caseId(),
            attempts,
            next,
            e.getMessage());
        dao.requeue(replyId, e.getMessage(), next);
        return Outcome.QUEUED;
      }
      LOG.warn("Reply {} on case {} was not posted: {}", replyId, reply.caseId(), e.getMessage());
      dao.markFailed(replyId, e.getMessage());
      return Outcome.FAILED;
    }
  }

  /** The auto-ack's own event: time since the customer's post, but the SLA clock keeps running. */
  private void acknowledged(Reply reply, String externalId, java.time.Instant sentAt) {
    Case c = cases.get(reply.caseId());
    events.append(
        EventLog.Entry.of(EventLog.AUTO_ACK_SENT, sentAt)
            .caseId(c.id())
            .actor(reply.author())
            .team(c.teamId())
            .network(c.network())
            .durations(java.time.Duration.between(c.openedAt(), sentAt).toMillis(), null)
            .data(
                "{\"replyId\":"
                    + reply.id()
                    + ",\"externalId\":\""
                    + externalId.replace("\"", "").replace("\\", "")
                    + "\"}"));
  }

  static final int MAX_ATTEMPTS = 8;

  static java.time.Duration backoff(int attempts) {
    long base = Math.min(15 * 60_000L, 5_000L << Math.min(attempts - 1, 16));
    return java.time.Duration.ofMillis(
        base / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  /** Sends the queued replies that are due; called by {@link ReplyOutbox}. */
  int sendDue() {
    var dao = jdbi.onDemand(ReplyDao.class);
    int done = 0;
    for (long id : dao.due(clock.instant(), 50)) {
      if (dao.claim(id) == 0) {
        continue;
      }
      Reply reply = dao.find(id).orElseThrow();
      ReplySender sender = senders.get(reply.network());
      Mention target =
          cases.mentionsOf(reply.caseId()).stream()
              .filter(m -> m.id() == reply.inReplyToMentionId())
              .findFirst()
              .orElse(null);
      if (sender == null || target == null) {
        dao.markFailed(id, "no client for " + reply.network().key() + " or the post is gone");
        continue;
      }
      attempt(id, sender, target);
      done++;
    }
    return done;
  }

  /**
   * After a restart, replies still 'sending' may or may not have been posted. They are re-sent only
   * through a network that drops repeats (idempotency key); otherwise they are marked failed for a
   * human to check, so a crash never posts twice.
   */
  int recoverInFlight() {
    var dao = jdbi.onDemand(ReplyDao.class);
    int n = 0;
    for (long id : dao.inFlight()) {
      Reply reply = dao.find(id).orElseThrow();
      ReplySender sender = senders.get(reply.network());
      if (sender != null && sender.idempotent()) {
        dao.requeue(
            id, "interrupted by a restart; re-sent with the same idempotency key", clock.instant());
      } else {
        dao.markFailed(
            id,
            "outcome unknown: the server stopped while sending; check "
                + reply.network().key()
                + " before sending again");
      }
      n++;
    }
    return n;
  }

  public List<Reply> forCase(long caseId) {
    return jdbi.withExtension(ReplyDao.class, dao -> dao.forCase(caseId));
  }
}
