package org.complaintdesk.cases;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.common.Page;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.sentiment.ScoredMentionListener;
import org.complaintdesk.sentiment.SentimentResult;
import org.jdbi.v3.core.Jdbi;

/**
 * Cases: opened for detractor mentions (one open case per author and network), assigned, replied to
 * and resolved, with every step written to the event log in the same transaction.
 */
public class CaseService implements ScoredMentionListener {
  private final Jdbi jdbi;
  private final MentionService mentions;
  private final AuthService users;
  private final EventLog events;
  private final Clock clock;

  public CaseService(
      Jdbi jdbi, MentionService mentions, AuthService users, EventLog events, Clock clock) {
    this.jdbi = jdbi;
    this.mentions = mentions;
    this.users = users;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void onScored(Mention mention, SentimentResult result) {
    if (result.detractor()) {
      openOrJoin(mention, result.detractorProbability());
    }
  }

  /** Files a detractor mention under its author's open case, opening one if there is none. */
  public Case openOrJoin(Mention mention, double detractorProbability) {
    String openKey = mention.network().key() + "|" + mention.authorHandle().toLowerCase();
    double priority = Math.round(detractorProbability * 1000) / 10.0;
    Instant now = clock.instant();
    long caseId =
        jdbi.inTransaction(
            h -> {
              var dao = h.attach(CaseDao.class);
              boolean opened =
                  dao.insertIfNoneOpen(
                          mention.network(),
                          mention.authorHandle(),
                          openKey,
                          priority,
                          mention.postedAt(),
                          now)
                      == 1;
              Case c = dao.findOpen(openKey).orElseThrow();
              if (opened) {
                events.append(h, EventLog.CASE_OPENED, now, c.id(), mention.id(), null, null);
              } else {
                dao.join(c.id(), priority, mention.postedAt(), now);
                events.append(h, EventLog.MENTION_JOINED, now, c.id(), mention.id(), null, null);
              }
              mentions.attachToCase(h, mention.id(), c.id());
              return c.id();
            });
    return get(caseId);
  }

  public Case get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("case " + id + " not found"));
  }

  public Optional<Case> find(long id) {
    return jdbi.withExtension(CaseDao.class, dao -> dao.find(id));
  }

  public Page<Case> list(String status, Long assigneeId, int limit, int offset) {
    return Page.of(
        jdbi.withExtension(CaseDao.class, dao -> dao.list(status, assigneeId, limit + 1, offset)),
        limit,
        offset);
  }

  public Case assign(long caseId, String responder, User actor) {
    User assignee =
        users
            .findUser(responder == null ? "" : responder.trim())
            .filter(u -> u.has(Role.RESPONDER))
            .orElseThrow(
                () -> new ClientErrorException("unknown responder '" + responder + "'", 422));
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case c = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          if (dao.assign(caseId, assignee.id(), now) == 0) {
            throw alreadyResolved(c);
          }
          events.append(h, EventLog.ASSIGNED, now, caseId, null, actor.username(), null);
        });
    return get(caseId);
  }

  /**
   * Records that a reply reached the network at {@code sentAt}. The first one fixes the case's
   * first-response time: sent time minus the customer's post time.
   */
  public Case recordReplySent(long caseId, Instant sentAt, String actor) {
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case before = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          dao.recordReply(caseId, sentAt, sentAt.toEpochMilli());
          events.append(h, EventLog.REPLY_SENT, sentAt, caseId, null, actor, null);
          if (before.firstResponseAt() == null) {
            long ms = sentAt.toEpochMilli() - before.openedAt().toEpochMilli();
            events.append(h, EventLog.FIRST_RESPONSE, sentAt, caseId, null, actor, ms);
          }
        });
    return get(caseId);
  }

  public Case resolve(long caseId, User actor) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case c = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          if (dao.resolve(caseId, now, now.toEpochMilli()) == 0) {
            throw alreadyResolved(c);
          }
          long ms = now.toEpochMilli() - c.openedAt().toEpochMilli();
          events.append(h, EventLog.RESOLVED, now, caseId, null, actor.username(), ms);
        });
    return get(caseId);
  }

  public List<Mention> mentionsOf(long caseId) {
    return mentions.findByCase(caseId);
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("case " + id + " not found");
  }

  private static ClientErrorException alreadyResolved(Case c) {
    return new ClientErrorException("case " + c.id() + " is already resolved", 409);
  }
}
