package org.complaintdesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.complaintdesk.common.Network;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Case.class)
interface CaseDao extends SqlObject {
  String SELECT =
      """
      SELECT c.id, c.network, c.author_handle, c.status, c.priority, c.assignee_id,
        u.username AS assignee, c.opened_at, c.created_at, c.updated_at, c.first_response_at,
        c.first_response_ms, c.resolved_at, c.resolution_ms
      FROM cases c LEFT JOIN users u ON u.id = c.assignee_id
      """;

  /** Opens a case unless the author already has an open one (then nothing happens). */
  @SqlUpdate(
      """
      INSERT INTO cases (network, author_handle, open_key, status, priority, opened_at,
        created_at, updated_at)
      VALUES (:network, :author, :openKey, 'new', :priority, :openedAt, :now, :now)
      ON CONFLICT (open_key) DO NOTHING
      """)
  int insertIfNoneOpen(
      @Bind("network") Network network,
      @Bind("author") String author,
      @Bind("openKey") String openKey,
      @Bind("priority") double priority,
      @Bind("openedAt") Instant openedAt,
      @Bind("now") Instant now);

  @SqlQuery(SELECT + " WHERE c.open_key = :openKey")
  Optional<Case> findOpen(@Bind("openKey") String openKey);

  @SqlQuery(SELECT + " WHERE c.id = :id")
  Optional<Case> find(@Bind("id") long id);

  /** Raises priority and pulls the opening time back if an earlier post joins the case. */
  @SqlUpdate(
      """
      UPDATE cases SET priority = CASE WHEN priority < :priority THEN :priority ELSE priority END,
        opened_at = CASE WHEN opened_at > :postedAt THEN :postedAt ELSE opened_at END,
        updated_at = :now
      WHERE id = :id
      """)
  void join(
      @Bind("id") long id,
      @Bind("priority") double priority,
      @Bind("postedAt") Instant postedAt,
      @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE cases SET assignee_id = :assigneeId,
        status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END, updated_at = :now
      WHERE id = :id AND status <> 'resolved'
      """)
  int assign(@Bind("id") long id, @Bind("assigneeId") long assigneeId, @Bind("now") Instant now);

  /** Records a sent reply; only the first one sets the first-response time. */
  @SqlUpdate(
      """
      UPDATE cases SET status = 'replied', updated_at = :sentAt,
        first_response_at = COALESCE(first_response_at, :sentAt),
        first_response_ms = COALESCE(first_response_ms, :sentAtMs - opened_at)
      WHERE id = :id
      """)
  void recordReply(
      @Bind("id") long id, @Bind("sentAt") Instant sentAt, @Bind("sentAtMs") long sentAtMs);

  @SqlUpdate(
      """
      UPDATE cases SET status = 'resolved', open_key = NULL, resolved_at = :now,
        resolution_ms = :nowMs - opened_at, updated_at = :now
      WHERE id = :id AND status <> 'resolved'
      """)
  int resolve(@Bind("id") long id, @Bind("now") Instant now, @Bind("nowMs") long nowMs);

  default List<Case> list(String status, Long assigneeId, int limit, int offset) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
    if ("open".equals(status)) {
      sql.append(" AND c.status <> 'resolved'");
    } else if (status != null) {
      sql.append(" AND c.status = :status");
    }
    if (assigneeId != null) {
      sql.append(" AND c.assignee_id = :assigneeId");
    }
    // Oldest first: the customer who has waited longest is answered first.
    sql.append(" ORDER BY c.opened_at, c.id LIMIT :limit OFFSET :offset");
    var query = getHandle().createQuery(sql.toString());
    if (status != null && !"open".equals(status)) {
      query.bind("status", status);
    }
    if (assigneeId != null) {
      query.bind("assigneeId", assigneeId);
    }
    return query.bind("limit", limit).bind("offset", offset).mapTo(Case.class).list();
  }
}
