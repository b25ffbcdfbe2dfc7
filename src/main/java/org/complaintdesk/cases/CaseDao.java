package org.complaintdesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.complaintdesk.common.Network;
import org.complaintdesk.sla.SlaTimer;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Case.class)
@RegisterConstructorMapper(SlaTimer.Pause.class)
@RegisterConstructorMapper(CaseDao.CasePause.class)
@RegisterConstructorMapper(CaseDao.AuthorAssignee.class)
interface CaseDao extends SqlObject {
  long FULL_WAIT_MS = org.complaintdesk.sentiment.PriorityScore.FULL_WAIT.toMillis();
  double WAITING_POINTS = org.complaintdesk.sentiment.PriorityScore.WAITING_POINTS;

  /** The stored parts' sum (cases from before the parts existed: their whole priority). */
  String STORED_BASE =
      "(CASE WHEN priority_detractor IS NULL THEN priority ELSE priority_detractor"
          + " + COALESCE(priority_reach, 0) + COALESCE(priority_complaint, 0) END)";

  /**
   * Stored priority plus the waiting part at {@code :nowMs}, as {@link
   * org.complaintdesk.sentiment.PriorityScore#waitingPoints} computes it: portable arithmetic on
   * epoch milliseconds, so it sorts the same on SQLite and PostgreSQL. A case we answered (no
   * waiting_since) or that waits on the customer is not waiting on us.
   */
  String EFFECTIVE_PRIORITY =
      "(c.priority + CASE WHEN c.waiting_since IS NULL OR c.status = 'waiting_on_customer'"
          + " OR c.waiting_since >= :nowMs THEN 0"
          + " WHEN c.waiting_since <= :nowMs - "
          + FULL_WAIT_MS
          + " THEN "
          + WAITING_POINTS
          + " ELSE (:nowMs - c.waiting_since) * "
          + WAITING_POINTS
          + " / "
          + FULL_WAIT_MS
          + " END)";

  /** The time-independent priority parts of one post, rounded as shown. */
  record StoredPriority(double detractor, double reach, double complaint) {
    public double base() {
      return org.complaintdesk.sentiment.PriorityScore.round(detractor + reach + complaint);
    }
  }

  String SELECT =
      """
      SELECT c.id, c.network, c.author_handle, c.status, c.priority, c.assignee_id,
        u.username AS assignee, c.opened_at, c.created_at, c.updated_at, c.first_response_at,
        c.first_response_ms, c.resolved_at, c.resolution_ms, c.team_id, c.language,
        c.waiting_since, c.last_reply_at, c.reopened_count, c.sla_policy_id,
        c.first_response_due_at, c.next_response_due_at, c.resolution_due_at, c.due_at,
        c.priority_detractor, c.priority_reach, c.priority_complaint
      FROM cases c LEFT JOIN users u ON u.id = c.assignee_id
      """;

  /** Opens a case unless the author already has an open one (then nothing happens). */
  @SqlUpdate(
      """
      INSERT INTO cases (network, author_handle, open_key, status, priority, opened_at,
        created_at, updated_at, language, waiting_since, reopened_count, priority_detractor,
        priority_reach, priority_complaint)
      VALUES (:network, :author, :openKey, 'new', :p.base, :openedAt, :now, :now, :language,
        :openedAt, 0, :p.detractor, :p.reach, :p.complaint)
      ON CONFLICT (open_key) DO NOTHING
      """)
  int insertIfNoneOpen(
      @Bind("network") Network network,
      @Bind("author") String author,
      @Bind("openKey") String openKey,
      @BindMethods("p") StoredPriority priority,
      @Bind("openedAt") Instant openedAt,
      @Bind("now") Instant now,
      @Bind("language") String language);

  @SqlQuery(SELECT + " WHERE c.open_key = :openKey")
  Optional<Case> findOpen(@Bind("openKey") String openKey);

  @SqlQuery(SELECT + " WHERE c.id = :id")
  Optional<Case> find(@Bind("id") long id);

  /** The author's most recently resolved case on this network (a reopen candidate). */
  @SqlQuery(
      SELECT
          + """
           WHERE c.network = :network AND LOWER(c.author_handle) = :author
            AND c.status = 'resolved' ORDER BY c.resolved_at DESC, c.id DESC LIMIT 1
          """)
  Optional<Case> lastResolved(@Bind("network") Network network, @Bind("author") String author);

  /** Cases of any of these authors on this network, newest first. */
  @SqlQuery(
      SELECT
          + """
           WHERE c.network = :network AND LOWER(c.author_handle) IN (<authors>)
          ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit
          """)
  List<Case> byAuthors(
      @Bind("network") Network network,
      @BindList("authors") List<String> lowerCaseAuthors,
      @Bind("limit") int limit);

  /**
   * Pulls the opening time back if an earlier post joins the case, and takes the joining post's
   * priority parts if they sum higher than the stored ones (keeping any escalation raise on top).
   */
  @SqlUpdate(
      "UPDATE cases SET priority = CASE WHEN "
          + STORED_BASE
          + " < :p.base THEN priority - "
          + STORED_BASE
          + " + :p.base ELSE priority END,"
          + " priority_detractor = CASE WHEN "
          + STORED_BASE
          + " < :p.base THEN :p.detractor ELSE priority_detractor END,"
          + " priority_reach = CASE WHEN "
          + STORED_BASE
          + " < :p.base THEN :p.reach ELSE priority_reach END,"
          + " priority_complaint = CASE WHEN "
          + STORED_BASE
          + " < :p.base THEN :p.complaint ELSE priority_complaint END,"
          + " opened_at = CASE WHEN opened_at > :postedAt THEN :postedAt ELSE opened_at END,"
          + " updated_at = :now WHERE id = :id")
  void join(
      @Bind("id") long id,
      @BindMethods("p") StoredPriority priority,
      @Bind("postedAt") Instant postedAt,
      @Bind("now") Instant now);

  /**
   * The customer wrote again: the ball is in our court. Starts the next-response clock (if not
   * already running) and takes the case out of waiting/replied.
   */
  @SqlUpdate(
      """
      UPDATE cases SET waiting_since = COALESCE(waiting_since, :postedAt),
        status = CASE WHEN status IN ('waiting_on_customer', 'replied')
          THEN (CASE WHEN assignee_id IS NULL THEN 'new' ELSE 'assigned' END) ELSE status END,
        updated_at = :now
      WHERE id = :id AND status <> 'resolved'
      """)
  int customerWrote(
      @Bind("id") long id, @Bind("postedAt") Instant postedAt, @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE cases SET open_key = :openKey, resolved_at = NULL, resolution_ms = NULL,
        status = CASE WHEN assignee_id IS NULL THEN 'new' ELSE 'assigned' END,
        waiting_since = :postedAt, reopened_count = COALESCE(reopened_count, 0) + 1,
        updated_at = :now
      WHERE id = :id AND status = 'resolved'
      """)
  int reopen(
      @Bind("id") long id,
      @Bind("openKey") String openKey,
      @Bind("postedAt") Instant postedAt,
      @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE cases SET assignee_id = :assigneeId,
        status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END, updated_at = :now
      WHERE id = :id AND status <> 'resolved'
      """)
  int assign(@Bind("id") long id, @Bind("assigneeId") long assigneeId, @Bind("now") Instant now);

  /**
   * Takes an unassigned case. One statement, so of two concurrent claims exactly one matches the
   * row (the other sees assignee_id already set and updates nothing) on SQLite and PostgreSQL.
   */
  @SqlUpdate(
      """
      UPDATE cases SET assignee_id = :assigneeId,
        status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END, updated_at = :now
      WHERE id = :id AND assignee_id IS NULL AND status <> 'resolved'
      """)
  int claim(@Bind("id") long id, @Bind("assigneeId") long assigneeId, @Bind("now") Instant now);

  /**
   * {@link #claim} for many cases in one batch: each row is still its own conditional update, so
   * the returned counts say which cases were taken (1) and which were claimed or resolved meanwhile
   * (0).
   */
  @SqlBatch(
      """
      UPDATE cases SET assignee_id = :responderId,
        status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END, updated_at = :now
      WHERE id = :caseId AND assignee_id IS NULL AND status <> 'resolved'
      """)
  int[] claimAll(@BindMethods List<CaseService.Assignment> batch, @Bind("now") Instant now);

  /** A pause with the case it belongs to (bulk reads). */
  record CasePause(long caseId, Instant from, Instant to) {}

  @SqlQuery(
      """
      SELECT case_id, paused_at AS "from", resumed_at AS "to" FROM case_pauses
      WHERE case_id IN (<ids>) ORDER BY paused_at, id
      """)
  List<CasePause> pausesOf(@BindList("ids") List<Long> caseIds);

  /** Due times to write for one case (batched SLA refresh). */
  record DueRow(long id, Long policyId, Instant frt, Instant nrt, Instant rt, Instant due) {}

  @SqlBatch(
      """
      UPDATE cases SET sla_policy_id = :policyId, first_response_due_at = :frt,
        next_response_due_at = :nrt, resolution_due_at = :rt, due_at = :due
      WHERE id = :id
      """)
  void setDueAll(@BindMethods List<DueRow> rows);

  /** Who handled cases of these authors on one network (the "handled before" preference). */
  record AuthorAssignee(long caseId, String author, long assigneeId) {}

  @SqlQuery(
      """
      SELECT c.id AS case_id, LOWER(c.author_handle) AS author, c.assignee_id FROM cases c
      WHERE c.network = :network AND LOWER(c.author_handle) IN (<authors>)
        AND c.assignee_id IS NOT NULL
      """)
  List<AuthorAssignee> assigneesOfAuthors(
      @Bind("network") Network network, @BindList("authors") List<String> lowerCaseAuthors);

  /** Open cases per responder (capacity checks). */
  @SqlQuery(
      """
      SELECT assignee_id AS k, COUNT(*) AS v FROM cases
      WHERE assignee_id IS NOT NULL AND status <> 'resolved' GROUP BY assignee_id
      """)
  @org.jdbi.v3.sqlobject.config.KeyColumn("k")
  @org.jdbi.v3.sqlobject.config.ValueColumn("v")
  java.util.Map<Long, Integer> openCountsByAssignee();

  /** A team's unassigned open cases in backlog order. */
  default List<Case> queued(long teamId, boolean priorityFirst, java.time.Instant now, int limit) {
    String order =
        priorityFirst
            ? EFFECTIVE_PRIORITY + " DESC, c.opened_at, c.id"
            : "c.opened_at, " + EFFECTIVE_PRIORITY + " DESC, c.id";
    return getHandle()
        .createQuery(
            SELECT
                + " WHERE c.team_id = :teamId AND c.assignee_id IS NULL AND c.status <> 'resolved'"
                + " ORDER BY "
                + order
                + " LIMIT :limit")
        .bind("teamId", teamId)
        .bind("nowMs", now.toEpochMilli())
        .bind("limit", limit)
        .mapTo(Case.class)
        .list();
  }

  @SqlUpdate(
      """
      UPDATE cases SET assignee_id = NULL,
        status = CASE WHEN status = 'assigned' THEN 'new' ELSE status END, updated_at = :now
      WHERE id = :id AND status <> 'resolved'
      """)
  int unassign(@Bind("id") long id, @Bind("now") Instant now);

  @SqlUpdate("UPDATE cases SET team_id = :teamId, updated_at = :now WHERE id = :id")
  int setTeam(@Bind("id") long id, @Bind("teamId") Long teamId, @Bind("now") Instant now);

  @SqlUpdate("UPDATE cases SET priority = :priority, updated_at = :now WHERE id = :id")
  int setPriority(@Bind("id") long id, @Bind("priority") double priority, @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE cases SET status = 'waiting_on_customer', updated_at = :now
      WHERE id = :id AND status <> 'resolved' AND status <> 'waiting_on_customer'
      """)
  int waitOnCustomer(@Bind("id") long id, @Bind("now") Instant now);

  /** Records a sent reply; only the first one sets the first-response time. */
  @SqlUpdate(
      """
      UPDATE cases SET status = CASE WHEN status = 'waiting_on_customer' THEN status ELSE 'replied' END,
        updated_at = :sentAt, last_reply_at = :sentAt, waiting_since = NULL,
        first_response_at = COALESCE(first_response_at, :sentAt),
        first_response_ms = COALESCE(first_response_ms, :sentAtMs - opened_at)
      WHERE id = :id
      """)
  void recordReply(
      @Bind("id") long id, @Bind("sentAt") Instant sentAt, @Bind("sentAtMs") long sentAtMs);

  @SqlUpdate(
      """
      UPDATE cases SET status = 'resolved', open_key = NULL, resolved_at = :now,
        resolution_ms = :nowMs - opened_at, updated_at = :now, waiting_since = NULL,
        first_response_due_at = NULL, next_response_due_at = NULL, resolution_due_at = NULL,
        due_at = NULL
      WHERE id = :id AND status <> 'resolved'
      """)
  int resolve(@Bind("id") long id, @Bind("now") Instant now, @Bind("nowMs") long nowMs);

  @SqlUpdate(
      """
      UPDATE cases SET sla_policy_id = :policyId, first_response_due_at = :frt,
        next_response_due_at = :nrt, resolution_due_at = :rt, due_at = :due
      WHERE id = :id
      """)
  void setDue(
      @Bind("id") long id,
      @Bind("policyId") Long policyId,
      @Bind("frt") Instant frt,
      @Bind("nrt") Instant nrt,
      @Bind("rt") Instant rt,
      @Bind("due") Instant due);

  @SqlQuery("SELECT sla_fired FROM cases WHERE id = :id")
  Optional<String> slaFired(@Bind("id") long id);

  @SqlUpdate("UPDATE cases SET sla_fired = :fired WHERE id = :id")
  void setSlaFired(@Bind("id") long id, @Bind("fired") String fired);

  @SqlUpdate(
      """
      INSERT INTO case_pauses (case_id, reason, paused_at) VALUES (:id, :reason, :at)
      """)
  void pause(@Bind("id") long id, @Bind("reason") String reason, @Bind("at") Instant at);

  @SqlUpdate(
      """
      INSERT INTO case_pauses (case_id, reason, paused_at, resumed_at)
      VALUES (:id, :reason, :from, :to)
      """)
  void pauseBetween(
      @Bind("id") long id,
      @Bind("reason") String reason,
      @Bind("from") Instant from,
      @Bind("to") Instant to);

  /** Ends an open pause, never before it began. */
  @SqlUpdate(
      """
      UPDATE case_pauses SET resumed_at = CASE WHEN paused_at > :at THEN paused_at ELSE :at END
      WHERE case_id = :id AND resumed_at IS NULL
      """)
  int resume(@Bind("id") long id, @Bind("at") Instant at);

  @SqlQuery(
      "SELECT paused_at AS \"from\", resumed_at AS \"to\" FROM case_pauses WHERE case_id = :id ORDER BY paused_at, id")
  List<SlaTimer.Pause> pauses(@Bind("id") long id);

  /** Open cases whose earliest due time is before {@code until}: what the SLA scheduler checks. */
  @SqlQuery(
      SELECT
          + " WHERE c.status <> 'resolved' AND c.due_at IS NOT NULL AND c.due_at <= :until"
          + " ORDER BY c.due_at, c.id LIMIT :limit")
  List<Case> dueBefore(@Bind("until") Instant until, @Bind("limit") int limit);

  @SqlQuery(SELECT + " WHERE c.status <> 'resolved' ORDER BY c.id" + " LIMIT :limit OFFSET :offset")
  List<Case> openWithPolicy(@Bind("limit") int limit, @Bind("offset") int offset);

  default List<Case> list(
      String status,
      Long assigneeId,
      Long teamId,
      boolean unassigned,
      String sort,
      java.time.Instant now,
      int limit,
      int offset) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
    if ("open".equals(status)) {
      sql.append(" AND c.status <> 'resolved'");
    } else if (status != null) {
      sql.append(" AND c.status = :status");
    }
    if (assigneeId != null) {
      sql.append(" AND c.assignee_id = :assigneeId");
    }
    if (teamId != null) {
      sql.append(" AND c.team_id = :teamId");
    }
    if (unassigned) {
      sql.append(" AND c.assignee_id IS NULL");
    }
    if ("opened".equals(sort)) {
      sql.append(" ORDER BY c.opened_at, c.id");
    } else if ("priority".equals(sort)) {
      // Highest priority now (stored parts + waiting so far) first; ties: earliest due, oldest.
      sql.append(" ORDER BY ")
          .append(EFFECTIVE_PRIORITY)
          .append(
              " DESC, CASE WHEN c.due_at IS NULL THEN 1 ELSE 0 END, c.due_at, c.opened_at, c.id");
    } else {
      // The queue: whatever breaches its SLA first comes first; cases without a due time (no
      // policy, paused) follow, oldest first.
      sql.append(
          " ORDER BY CASE WHEN c.due_at IS NULL THEN 1 ELSE 0 END, c.due_at, c.opened_at, c.id");
    }
    sql.append(" LIMIT :limit OFFSET :offset");
    var query = getHandle().createQuery(sql.toString());
    if (status != null && !"open".equals(status)) {
      query.bind("status", status);
    }
    if (assigneeId != null) {
      query.bind("assigneeId", assigneeId);
    }
    if (teamId != null) {
      query.bind("teamId", teamId);
    }
    if ("priority".equals(sort)) {
      query.bind("nowMs", now.toEpochMilli());
    }
    return query.bind("limit", limit).bind("offset", offset).mapTo(Case.class).list();
  }
}
