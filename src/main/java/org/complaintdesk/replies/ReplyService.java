package org.complaintdesk.replies;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ServerErrorException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    long replyId = dao.insert(caseId, target.id(), author.id(), c.network(), body, clock.instant());
    try {
      var sent =
          sender.send(
              new ReplySender.OutgoingReply(
                  replyId, caseId, c.network(), target.externalId(), target.authorHandle(), body));
      var sentAt = clock.instant();
      dao.markSent(replyId, sent.externalId(), sentAt);
      cases.recordReplySent(caseId, sentAt, author.username());
    } catch (ReplySender.ReplyFailedException e) {
      LOG.warn("Reply {} on case {} was not posted: {}", replyId, caseId, e.getMessage());
      dao.markFailed(replyId, e.getMessage());
      events.append(
          EventLog.REPLY_FAILED, clock.instant(), caseId, target.id(), author.username(), null);
      throw new ServerErrorException("the network did not take the reply: " + e.getMessage(), 502);
    }
    return dao.find(replyId).orElseThrow();
  }

  public List<Reply> forCase(long caseId) {
    return jdbi.withExtension(ReplyDao.class, dao -> dao.forCase(caseId));
  }
}
