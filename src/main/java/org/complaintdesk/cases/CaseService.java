package org.complaintdesk.cases;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.common.Network;
import org.complaintdesk.common.Page;
import org.complaintdesk.customers.Customer;
import org.complaintdesk.customers.CustomerService;
import org.complaintdesk.customers.Identity;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.sentiment.PriorityScore;
import org.complaintdesk.sentiment.ScoredMentionListener;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sla.SlaClocks;
import org.complaintdesk.sla.SlaPolicy;
import org.complaintdesk.sla.SlaService;
import org.complaintdesk.sla.SlaTimer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Cases: opened for detractor mentions (one open case per author and network), assigned, replied to
 * and resolved, with every step written to the event log in the same transaction.
 *
 * <p>Lifecycle: {@code new → assigned → waiting_on_customer / replied → resolved}. A resolved case
 * reopens when its customer writes again within {@code reopenWindow}. After every change the case's
 * SLA policy and due times are recomputed in the same transaction, so the queue order is always
 * current.
 */
public class CaseService implements ScoredMentionListener {
  private final Jdbi jdbi;
  private final MentionService mentions;
  private final AuthService users;
  private final EventLog events;
  private final Clock clock;
  private final SlaService sla;
  private final CustomerService customers;
  private final Duration reopenWindow;
  private final List<CaseListener> listeners = new CopyOnWriteArrayList<>();

  /** Told after a change has committed (routing, auto-acknowledgement). */
  public interface CaseListener {
    void onCaseChanged(Case c, String eventType);
  }

  /** Without SLA policies or reopening (tests and tools that only need the basics). */
  public CaseService(
      Jdbi jdbi, MentionService mentions, AuthService users, EventLog events, Clock clock) {
    this(
        jdbi,
        mentions,
        users,
        events,
        clock,
        new SlaService(jdbi, java.time.ZoneOffset.UTC),
        new CustomerService(jdbi, events, clock),
        Duration.ZERO);
  }

  public CaseService(
      Jdbi jdbi,
      MentionService mentions,
      AuthService users,
      EventLog events,
      Clock clock,
      SlaService sla,
      CustomerService customers,
      Duration reopenWindow) {
    this.jdbi = jdbi;
    this.mentions = mentions;
    this.users = users;
    this.events = events;
    this.clock = clock;
    this.sla = sla;
    this.customers = customers;
    this.reopenWindow = reopenWindow;
  }

  public void addListener(CaseListener listener) {
    listeners.add(listener);
  }

  @Override
  public void onScored(Mention mention, SentimentResult result) {
    // A complaint opens a case even below the detractor threshold: a calm "still waiting for my
    // refund" needs a responder as much as an angry post (docs/model-card.md, "Case priority").
    if (result.detractor() || result.complaint()) {
      openOrJoin(mention, result.detractorProbability(), result.complaint());
    } else {
      customerWroteAgain(mention);
    }
  }

  private static String openKey(Mention mention) {
    return mention.network().key() + "|" + mention.authorHandle().toLowerCase();
  }

  /** Files a detractor mention (not flagged as a complaint) under its author's case. */
  public Case openOrJoin(Mention mention, double detractorProbability) {
    return openOrJoin(mention, detractorProbability, false);
  }

  /**
   * Files a detractor or complaint mention under its author's open case, opening one if there is
   * none. The case stores the post's {@link PriorityScore} parts that do not change with time
   * (detractor, reach from the author's followers, complaint); the waiting part is added on read.
   */
  public Case openOrJoin(Mention mention, double detractorProbability, boolean complaint) {
    String openKey = openKey(mention);
    var parts =
        PriorityScore.of(detractorProbability, mention.authorFollowers(), complaint, Duration.ZERO);
    var priority = new CaseDao.StoredPriority(parts.detractor(), parts.reach(), parts.complaint());
    Instant now = clock.instant();
    String[] what = new String[1];
    long caseId =
        jdbi.inTransaction(
            h -> {
              var dao = h.attach(CaseDao.class);
              if (dao.findOpen(openKey).isEmpty()) {
                Optional<Long> reopened = reopenIfRecent(h, dao, mention, openKey, now);
                if (reopened.isPresent()) {
                  dao.join(reopened.get(), priority, mention.postedAt(), now);
                  mentions.attachToCase(h, mention.id(), reopened.get());
                  what[0] = EventLog.REOPENED;
                  refreshSla(h, reopened.get());
                  return reopened.get();
                }
              }
              boolean opened =
                  dao.insertIfNoneOpen(
                          mention.network(),
                          mention.authorHandle(),
                          openKey,
                          priority,
                          mention.postedAt(),
                          now,
                          mention.language())
                      == 1;
              Case c = dao.findOpen(openKey).orElseThrow();
              if (opened) {
                events.append(h, EventLog.CASE_OPENED, now, c.id(), mention.id(), null, null);
                what[0] = EventLog.CASE_OPENED;
              } else {
                dao.join(c.id(), priority, mention.postedAt(), now);
                events.append(h, EventLog.MENTION_JOINED, now, c.id(), mention.id(), null, null);
                customerWrote(h, dao, c, mention, now);
                what[0] = EventLog.MENTION_JOINED;
              }
              mentions.attachToCase(h, mention.id(), c.id());
              refreshSla(h, c.id());
              return c.id();
            });
    notifyListeners(get(caseId), what[0]);
    return get(caseId); // listeners (routing) may have changed it
  }

  /** A non-detractor post ("still waiting!") from someone with an open case joins that case. */
  private void customerWroteAgain(Mention mention) {
    Instant now = clock.instant();
    Optional<Long> caseId =
        jdbi.inTransaction(
            h -> {
              var dao = h.attach(CaseDao.class);
              Optional<Case> open = dao.findOpen(openKey(mention));
              if (open.isEmpty()) {
                return Optional.<Long>empty();
              }
              Case c = open.get();
              events.append(h, EventLog.MENTION_JOINED, now, c.id(), mention.id(), null, null);
              customerWrote(h, dao, c, mention, now);
              mentions.attachToCase(h, mention.id(), c.id());
              refreshSla(h, c.id());
              return Optional.of(c.id());
            });
    caseId.ifPresent(id -> notifyListeners(get(id), EventLog.CUSTOMER_REPLIED));
  }

  private void customerWrote(Handle h, CaseDao dao, Case c, Mention mention, Instant now) {
    if (c.lastReplyAt() != null && mention.postedAt().isBefore(c.lastReplyAt())) {
      return; // an older post arriving late; we already answered after it
    }
    if (CaseStatus.WAITING_ON_CUSTOMER.key().equals(c.status())) {
      dao.resume(c.id(), mention.postedAt());
    }
    if (dao.customerWrote(c.id(), mention.postedAt(), now) == 1
        && (c.firstResponseAt() != null
            || CaseStatus.WAITING_ON_CUSTOMER.key().equals(c.status()))) {
      events.append(
          h,
          EventLog.Entry.of(EventLog.CUSTOMER_REPLIED, now)
              .caseId(c.id())
              .mentionId(mention.id())
              .network(c.network())
              .team(c.teamId()));
    }
  }

  private Optional<Long> reopenIfRecent(
      Handle h, CaseDao dao, Mention mention, String openKey, Instant now) {
    if (reopenWindow.isZero()) {
      return Optional.empty();
    }
    Optional<Case> last = dao.lastResolved(mention.network(), mention.authorHandle().toLowerCase());
    if (last.isEmpty()) {
      return Optional.empty();
    }
    Case c = last.get();
    Instant resolvedAt = c.resolvedAt();
    if (mention.postedAt().isBefore(resolvedAt)
        || Duration.between(resolvedAt, mention.postedAt()).compareTo(reopenWindow) > 0) {
      return Optional.empty();
    }
    if (dao.reopen(c.id(), openKey, mention.postedAt(), now) == 0) {
      return Optional.empty();
    }
    // The resolved stretch does not count against the resolution clock.
    dao.pauseBetween(c.id(), "resolved", resolvedAt, mention.postedAt());
    events.append(
        h,
        EventLog.Entry.of(EventLog.REOPENED, now)
            .caseId(c.id())
            .mentionId(mention.id())
            .network(c.network())
            .team(c.teamId())
            .durations(Duration.between(resolvedAt, mention.postedAt()).toMillis(), null));
    return Optional.of(c.id());
  }

  public Case get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("case " + id + " not found"));
  }

  public Optional<Case> find(long id) {
    return jdbi.withExtension(CaseDao.class, dao -> dao.find(id));
  }

  /**
   * The case's priority now: its stored parts, any raise by escalation or a responder, and the
   * waiting part (time since the customer's first unanswered post; none while we wait on them).
   */
  public record PriorityParts(
      double detractor,
      double reach,
      double complaint,
      double raised,
      double waiting,
      double total,
      Instant at) {}

  public PriorityParts priorityParts(Case c) {
    Instant now = clock.instant();
    double d = c.priorityDetractor() == null ? c.priority() : c.priorityDetractor();
    double r = c.priorityReach() == null ? 0 : c.priorityReach();
    double k = c.priorityComplaint() == null ? 0 : c.priorityComplaint();
    double raised = Math.max(0, c.priority() - PriorityScore.round(d + r + k));
    boolean waitingOnUs =
        c.waitingSince() != null && !CaseStatus.WAITING_ON_CUSTOMER.key().equals(c.status());
    double w =
        waitingOnUs ? PriorityScore.waitingPoints(Duration.between(c.waitingSince(), now)) : 0;
    return new PriorityParts(
        d,
        r,
        k,
        PriorityScore.round(raised),
        PriorityScore.round(w),
        PriorityScore.round(c.priority() + w),
        now);
  }

  public Page<Case> list(String status, Long assigneeId, int limit, int offset) {
    return list(status, assigneeId, null, false, "due", limit, offset);
  }

  /**
   * The queue, sorted by earliest SLA due time, or "opened" (oldest first), or "priority" (highest
   * priority now, waiting part included, computed in SQL at read time).
   */
  public Page<Case> list(
      String status,
      Long assigneeId,
      Long teamId,
      boolean unassigned,
      String sort,
      int limit,
      int offset) {
    return Page.of(
        jdbi.withExtension(
            CaseDao.class,
            dao ->
                dao.list(
                    status,
                    assigneeId,
                    teamId,
                    unassigned,
                    sort,
                    clock.instant(),
                    limit + 1,
                    offset)),
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
    return assignTo(caseId, assignee.id(), actor.username());
  }

  /** Assigns (or re-assigns) to a responder by id; {@code actor} is a username or "routing". */
  public Case assignTo(long caseId, long responderId, String actor) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case c = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          if (dao.assign(caseId, responderId, now) == 0) {
            throw alreadyResolved(c);
          }
          events.append(
              h,
              EventLog.Entry.of(EventLog.ASSIGNED, now)
                  .caseId(caseId)
                  .actor(actor)
                  .responder(responderId)
                  .team(c.teamId())
                  .network(c.network()));
          refreshSla(h, caseId);
        });
    notifyListeners(get(caseId), EventLog.ASSIGNED);
    return get(caseId);
  }

  /**
   * Takes an unassigned case for {@code user}. Of concurrent claims exactly one wins; the others
   * get 409 naming the winner.
   */
  public Case claim(long caseId, User user) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          if (dao.claim(caseId, user.id(), now) == 0) {
            Case c = dao.find(caseId).orElseThrow(() -> notFound(caseId));
            if (c.isResolved()) {
              throw alreadyResolved(c);
            }
            throw new ClientErrorException(
                "case " + caseId + " is already assigned to " + c.assignee(), 409);
          }
          Case c = dao.find(caseId).orElseThrow();
          events.append(
              h,
              EventLog.Entry.of(EventLog.CLAIMED, now)
                  .caseId(caseId)
                  .actor(user.username())
                  .responder(user.id())
                  .team(c.teamId())
                  .network(c.network()));
          refreshSla(h, caseId);
        });
    notifyListeners(get(caseId), EventLog.CLAIMED);
    return get(caseId);
  }

  /**
   * Routing's assignment: like a claim on behalf of {@code responderId}, so it never overrides a
   * responder who claimed the case meanwhile. Empty if the case was taken or resolved.
   */
  public Optional<Case> assignIfUnassigned(long caseId, long responderId, String actor) {
    Instant now = clock.instant();
    boolean done =
        jdbi.inTransaction(
            h -> {
              var dao = h.attach(CaseDao.class);
              if (dao.claim(caseId, responderId, now) == 0) {
                return false;
              }
              Case c = dao.find(caseId).orElseThrow();
              events.append(
                  h,
                  EventLog.Entry.of(EventLog.ASSIGNED, now)
                      .caseId(caseId)
                      .actor(actor)
                      .responder(responderId)
                      .team(c.teamId())
                      .network(c.network()));
              refreshSla(h, caseId);
              return true;
            });
    return done ? Optional.of(get(caseId)) : Optional.empty();
  }

  /** One routing decision to apply: this queued case goes to this responder. */
  public record Assignment(Case c, long responderId) {
    public long caseId() {
      return c.id();
    }
  }

  /**
   * Routing's bulk assignment, inside the caller's transaction: every case is still a conditional
   * claim (so a responder who claimed it meanwhile keeps it), but the claims, their events and the
   * SLA refresh are each one batched statement. Returns the ids of the cases actually assigned.
   */
  public java.util.Set<Long> assignAllIfUnassigned(Handle h, List<Assignment> batch, String actor) {
    java.util.Set<Long> done = new java.util.HashSet<>();
    if (batch.isEmpty()) {
      return done;
    }
    Instant now = clock.instant();
    var dao = h.attach(CaseDao.class);
    int[] updated = dao.claimAll(batch, now);
    List<EventLog.Entry> entries = new ArrayList<>();
    List<Case> assigned = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (updated[i] == 0) {
        continue;
      }
      Case c = batch.get(i).c();
      done.add(c.id());
      assigned.add(c);
      entries.add(
          EventLog.Entry.of(EventLog.ASSIGNED, now)
              .caseId(c.id())
              .actor(actor)
              .responder(batch.get(i).responderId())
              .team(c.teamId())
              .network(c.network()));
    }
    events.appendAll(h, entries);
    refreshSla(h, assigned);
    return done;
  }

  /** A team's unassigned open cases, read inside the caller's transaction. */
  public List<Case> queued(Handle h, long teamId, boolean priorityFirst, int limit) {
    return h.attach(CaseDao.class).queued(teamId, priorityFirst, clock.instant(), limit);
  }

  /** A case as the caller's transaction sees it. */
  public Optional<Case> find(Handle h, long id) {
    return h.attach(CaseDao.class).find(id);
  }

  /** Open cases per responder, as the caller's transaction sees them (capacity re-checks). */
  public java.util.Map<Long, Integer> openCountsByAssignee(Handle h) {
    return h.attach(CaseDao.class).openCountsByAssignee();
  }

  public java.util.Map<Long, Integer> openCountsByAssignee() {
    return jdbi.withExtension(CaseDao.class, CaseDao::openCountsByAssignee);
  }

  /** A team's unassigned open cases, oldest first or highest priority first. */
  public List<Case> queued(long teamId, boolean priorityFirst, int limit) {
    return jdbi.withExtension(
        CaseDao.class, dao -> dao.queued(teamId, priorityFirst, clock.instant(), limit));
  }

  /** Back to the queue (e.g. escalation reassigns); the responder's slot frees up. */
  public Case unassign(long caseId, String actor) {
    Instant now = clock.instant();
    Long[] previous = new Long[1];
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case c = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          previous[0] = c.assigneeId();
          if (dao.unassign(caseId, now) == 1) {
            events.append(
                h,
                EventLog.Entry.of(EventLog.UNASSIGNED, now)
                    .caseId(caseId)
                    .actor(actor)
                    .responder(c.assigneeId())
                    .team(c.teamId()));
            refreshSla(h, caseId);
          }
        });
    notifyListeners(get(caseId), EventLog.UNASSIGNED);
    return get(caseId);
  }

  /** Files the case under a team (routing); its SLA policy may change with it. */
  public Case setTeam(long caseId, Long teamId) {
    jdbi.useTransaction(
        h -> {
          h.attach(CaseDao.class).setTeam(caseId, teamId, clock.instant());
          refreshSla(h, caseId);
        });
    return get(caseId);
  }

  public Case raisePriority(long caseId, double priority, String actor) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case c = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          if (priority > c.priority()) {
            dao.setPriority(caseId, priority, now);
            events.append(
                h,
                EventLog.Entry.of(EventLog.PRIORITY_RAISED, now)
                    .caseId(caseId)
                    .actor(actor)
                    .data("{\"from\":" + c.priority() + ",\"to\":" + priority + "}"));
            refreshSla(h, caseId);
          }
        });
    return get(caseId);
  }

  /** We asked the customer something: SLA clocks pause until they write again. */
  public Case waitOnCustomer(long caseId, User actor) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case c = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          if (c.isResolved()) {
            throw alreadyResolved(c);
          }
          if (dao.waitOnCustomer(caseId, now) == 0) {
            throw new ClientErrorException(
                "case " + caseId + " is already waiting on the customer", 409);
          }
          dao.pause(caseId, "waiting_on_customer", now);
          events.append(
              h,
              EventLog.Entry.of(EventLog.WAITING_ON_CUSTOMER, now)
                  .caseId(caseId)
                  .actor(actor.username())
                  .responder(actor.id())
                  .team(c.teamId()));
          refreshSla(h, caseId);
        });
    return get(caseId);
  }

  /**
   * Records that a reply reached the network at {@code sentAt}. The first one fixes the case's
   * first-response time: sent time minus the customer's post time; later ones answering a new
   * customer post are next responses. Both are logged with wall-clock and business time.
   */
  public Case recordReplySent(long caseId, Instant sentAt, String actor) {
    Long responderId = users.findUser(actor == null ? "" : actor).map(User::id).orElse(null);
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case before = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          List<SlaTimer.Pause> pauses = dao.pauses(caseId);
          dao.recordReply(caseId, sentAt, sentAt.toEpochMilli());
          events.append(
              h,
              EventLog.Entry.of(EventLog.REPLY_SENT, sentAt)
                  .caseId(caseId)
                  .actor(actor)
                  .responder(responderId)
                  .team(before.teamId())
                  .network(before.network()));
          if (before.firstResponseAt() == null) {
            var m =
                sla.measure(
                    facts(before),
                    SlaService.Target.FIRST_RESPONSE,
                    before.openedAt(),
                    sentAt,
                    pauses);
            events.append(
                h,
                EventLog.Entry.of(EventLog.FIRST_RESPONSE, sentAt)
                    .caseId(caseId)
                    .actor(actor)
                    .responder(responderId)
                    .team(before.teamId())
                    .network(before.network())
                    .durations(m.wallMs(), m.countedMs())
                    .slaMet(m.met()));
          } else if (before.waitingSince() != null) {
            var m =
                sla.measure(
                    facts(before),
                    SlaService.Target.NEXT_RESPONSE,
                    before.waitingSince(),
                    sentAt,
                    pauses);
            events.append(
                h,
                EventLog.Entry.of(EventLog.NEXT_RESPONSE, sentAt)
                    .caseId(caseId)
                    .actor(actor)
                    .responder(responderId)
                    .team(before.teamId())
                    .network(before.network())
                    .durations(m.wallMs(), m.countedMs())
                    .slaMet(m.met()));
          }
          refreshSla(h, caseId);
        });
    return get(caseId);
  }

  public Case resolve(long caseId, User actor) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          Case c = dao.find(caseId).orElseThrow(() -> notFound(caseId));
          List<SlaTimer.Pause> pauses = dao.pauses(caseId);
          if (dao.resolve(caseId, now, now.toEpochMilli()) == 0) {
            throw alreadyResolved(c);
          }
          dao.resume(caseId, now);
          var m = sla.measure(facts(c), SlaService.Target.RESOLUTION, c.openedAt(), now, pauses);
          events.append(
              h,
              EventLog.Entry.of(EventLog.RESOLVED, now)
                  .caseId(caseId)
                  .actor(actor.username())
                  .responder(c.assigneeId())
                  .team(c.teamId())
                  .network(c.network())
                  .durations(m.wallMs(), m.countedMs())
                  .slaMet(m.met()));
        });
    Case c = get(caseId);
    notifyListeners(c, EventLog.RESOLVED);
    return c;
  }

  public List<Mention> mentionsOf(long caseId) {
    return mentions.findByCase(caseId);
  }

  /**
   * What a responder should see before answering: the customer, their cases and posts everywhere.
   */
  public record History(Customer customer, List<Case> cases, List<Mention> mentions) {}

  public History history(long caseId, int limit) {
    Case c = get(caseId);
    String name =
        mentionsOf(caseId).stream()
            .map(Mention::authorName)
            .filter(n -> n != null)
            .findFirst()
            .orElse(null);
    Customer customer = customers.ensure(c.network(), c.authorHandle(), name);
    List<Case> cases = new ArrayList<>();
    List<Mention> posts = new ArrayList<>();
    for (Identity id : customer.identities()) {
      cases.addAll(
          jdbi.withExtension(
              CaseDao.class,
              dao ->
                  dao.byAuthors(
                      id.network(), List.of(id.handle().toLowerCase(Locale.ROOT)), limit)));
      posts.addAll(mentions.findByAuthor(id.network(), id.handle(), limit));
    }
    return new History(
        customer,
        cases.stream()
            .sorted(Comparator.comparing(Case::openedAt).reversed())
            .limit(limit)
            .toList(),
        posts.stream()
            .sorted(Comparator.comparing(Mention::postedAt).reversed())
            .limit(limit)
            .toList());
  }

  /**
   * Responders who had any earlier case of this case's customer (every linked network), for the
   * "handled this customer before" preference. Read-only: does not create a customer profile.
   */
  public java.util.Set<Long> previousAssignees(long caseId) {
    Case c = get(caseId);
    List<Identity> identities =
        customers
            .find(c.network(), c.authorHandle())
            .map(Customer::identities)
            .orElse(List.of(new Identity(0, 0, c.network(), c.authorHandle(), null)));
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (Identity id : identities) {
      for (Case earlier :
          jdbi.withExtension(
              CaseDao.class,
              dao ->
                  dao.byAuthors(id.network(), List.of(id.handle().toLowerCase(Locale.ROOT)), 50))) {
        if (earlier.id() != caseId && earlier.assigneeId() != null) {
          ids.add(earlier.assigneeId());
        }
      }
    }
    return ids;
  }

  /**
   * {@link #previousAssignees(long)} for a whole backlog page in a few queries (one per network and
   * chunk instead of several per case), inside the caller's transaction.
   */
  public java.util.Map<Long, java.util.Set<Long>> previousAssignees(Handle h, List<Case> batch) {
    var dao = h.attach(CaseDao.class);
    java.util.Map<Long, List<Identity>> identities = new java.util.HashMap<>();
    java.util.Map<Network, List<Case>> byNetwork = new java.util.EnumMap<>(Network.class);
    batch.forEach(c -> byNetwork.computeIfAbsent(c.network(), n -> new ArrayList<>()).add(c));
    byNetwork.forEach(
        (network, list) -> {
          var linked =
              customers.linkedIdentities(
                  h, network, list.stream().map(Case::authorHandle).toList());
          for (Case c : list) {
            identities.put(
                c.id(),
                linked.getOrDefault(
                    c.authorHandle(),
                    List.of(new Identity(0, 0, c.network(), c.authorHandle(), null))));
          }
        });
    java.util.Map<Network, java.util.Set<String>> authors = new java.util.EnumMap<>(Network.class);
    identities.values().stream()
        .flatMap(List::stream)
        .forEach(
            id ->
                authors
                    .computeIfAbsent(id.network(), n -> new java.util.HashSet<>())
                    .add(id.handle().toLowerCase(Locale.ROOT)));
    java.util.Map<String, List<CaseDao.AuthorAssignee>> handled = new java.util.HashMap<>();
    authors.forEach(
        (network, names) -> {
          List<String> all = List.copyOf(names);
          for (int i = 0; i < all.size(); i += 500) {
            for (var row :
                dao.assigneesOfAuthors(network, all.subList(i, Math.min(all.size(), i + 500)))) {
              handled
                  .computeIfAbsent(network.key() + "|" + row.author(), k -> new ArrayList<>())
                  .add(row);
            }
          }
        });
    java.util.Map<Long, java.util.Set<Long>> out = new java.util.HashMap<>();
    for (Case c : batch) {
      java.util.Set<Long> ids = new java.util.HashSet<>();
      for (Identity id : identities.get(c.id())) {
        String k = id.network().key() + "|" + id.handle().toLowerCase(Locale.ROOT);
        for (var row : handled.getOrDefault(k, List.of())) {
          if (row.caseId() != c.id()) {
            ids.add(row.assigneeId());
          }
        }
      }
      out.put(c.id(), ids);
    }
    return out;
  }

  // ---- SLA bookkeeping ----

  /** Open cases due (earliest SLA) before {@code until}, soonest first. */
  public List<Case> dueBefore(Instant until, int limit) {
    return jdbi.withExtension(CaseDao.class, dao -> dao.dueBefore(until, limit));
  }

  public List<SlaTimer.Pause> pauses(long caseId) {
    return jdbi.withExtension(CaseDao.class, dao -> dao.pauses(caseId));
  }

  /** Escalation steps already taken on this case ("first_response:warning", ...). */
  public List<String> slaFired(long caseId) {
    String s = jdbi.withExtension(CaseDao.class, dao -> dao.slaFired(caseId)).orElse(null);
    return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
  }

  /**
   * Marks an escalation step as taken; returns false if it already was, so each warning and breach
   * fires once per clock run.
   */
  public boolean markSlaFired(long caseId, String key) {
    return jdbi.inTransaction(
        h -> {
          var dao = h.attach(CaseDao.class);
          String s = dao.slaFired(caseId).orElse(null);
          List<String> fired =
              s == null || s.isBlank() ? new ArrayList<>() : new ArrayList<>(List.of(s.split(",")));
          if (fired.contains(key)) {
            return false;
          }
          fired.add(key);
          dao.setSlaFired(caseId, String.join(",", fired));
          return true;
        });
  }

  /** Recomputes every open case's due times, e.g. after an admin edits a policy or calendar. */
  public int refreshAllSla() {
    int n = 0;
    for (int offset = 0; ; offset += 500) {
      int off = offset;
      List<Case> batch = jdbi.withExtension(CaseDao.class, dao -> dao.openWithPolicy(500, off));
      for (Case c : batch) {
        jdbi.useTransaction(h -> refreshSla(h, c.id()));
      }
      n += batch.size();
      if (batch.size() < 500) {
        return n;
      }
    }
  }

  public void refreshSla(long caseId) {
    jdbi.useTransaction(h -> refreshSla(h, caseId));
  }

  private void refreshSla(Handle h, long caseId) {
    var dao = h.attach(CaseDao.class);
    Case c = dao.find(caseId).orElseThrow();
    var row = dueRow(c, dao.pauses(caseId));
    dao.setDue(caseId, row.policyId(), row.frt(), row.nrt(), row.rt(), row.due());
    clearFiredIfNextResponseEnded(dao, c, row);
  }

  /**
   * The same refresh for many cases (as read just before the change; SLA facts do not depend on the
   * assignee): pauses read in one query, only changed due times written, in one batch.
   */
  private void refreshSla(Handle h, List<Case> batch) {
    if (batch.isEmpty()) {
      return;
    }
    var dao = h.attach(CaseDao.class);
    java.util.Map<Long, List<SlaTimer.Pause>> pauses = new java.util.HashMap<>();
    for (var p : dao.pausesOf(batch.stream().map(Case::id).toList())) {
      pauses
          .computeIfAbsent(p.caseId(), k -> new ArrayList<>())
          .add(new SlaTimer.Pause(p.from(), p.to()));
    }
    List<CaseDao.DueRow> changed = new ArrayList<>();
    for (Case c : batch) {
      var row = dueRow(c, pauses.getOrDefault(c.id(), List.of()));
      if (!row.equals(
          new CaseDao.DueRow(
              c.id(),
              c.slaPolicyId(),
              c.firstResponseDueAt(),
              c.nextResponseDueAt(),
              c.resolutionDueAt(),
              c.dueAt()))) {
        changed.add(row);
      }
      clearFiredIfNextResponseEnded(dao, c, row);
    }
    if (!changed.isEmpty()) {
      dao.setDueAll(changed);
    }
  }

  private CaseDao.DueRow dueRow(Case c, List<SlaTimer.Pause> pauses) {
    var plan =
        sla.plan(
            facts(c),
            new SlaClocks.Facts(
                c.openedAt(), c.firstResponseAt(), c.waitingSince(), c.resolvedAt(), pauses));
    var due = plan.due();
    return new CaseDao.DueRow(
        c.id(),
        plan.policyId(),
        due.firstResponseDue(),
        due.nextResponseDue(),
        due.resolutionDue(),
        due.earliest());
  }

  private static void clearFiredIfNextResponseEnded(CaseDao dao, Case c, CaseDao.DueRow row) {
    if (row.nrt() == null && c.nextResponseDueAt() != null) {
      // That next-response run is over (answered, paused or resolved): the next run escalates anew.
      clearFired(dao, c.id(), "next_response");
    }
  }

  private static void clearFired(CaseDao dao, long caseId, String clockName) {
    String s = dao.slaFired(caseId).orElse(null);
    if (s == null || s.isBlank()) {
      return;
    }
    List<String> kept = new ArrayList<>();
    for (String k : s.split(",")) {
      if (!k.startsWith(clockName + ":")) {
        kept.add(k);
      }
    }
    dao.setSlaFired(caseId, String.join(",", kept));
  }

  public static SlaPolicy.CaseFacts facts(Case c) {
    return new SlaPolicy.CaseFacts(c.priority(), c.network(), c.teamId());
  }

  private void notifyListeners(Case c, String eventType) {
    for (CaseListener l : listeners) {
      l.onCaseChanged(c, eventType);
    }
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("case " + id + " not found");
  }

  private static ClientErrorException alreadyResolved(Case c) {
    return new ClientErrorException("case " + c.id() + " is already resolved", 409);
  }
}
