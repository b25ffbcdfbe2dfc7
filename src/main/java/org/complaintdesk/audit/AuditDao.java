package org.complaintdesk.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AuditEntry.class)
interface AuditDao {
  @SqlUpdate(
      """
      INSERT INTO audit_log (occurred_at, actor_id, actor, action, target, before_json, after_json)
      VALUES (:at, :actorId, :actor, :action, :target, :before, :after)
      """)
  void insert(
      @Bind("at") Instant at,
      @Bind("actorId") Long actorId,
      @Bind("actor") String actor,
      @Bind("action") String action,
      @Bind("target") String target,
      @Bind("before") String before,
      @Bind("after") String after);

  @SqlQuery(
      """
      SELECT id, occurred_at, actor_id, actor, action, target,
             before_json AS before, after_json AS after
      FROM audit_log
      WHERE (:action IS NULL OR action = :action OR action LIKE :actionPrefix)
        AND (:actor IS NULL OR actor = :actor)
        AND (:from IS NULL OR occurred_at >= :from)
        AND (:to IS NULL OR occurred_at < :to)
      ORDER BY id DESC
      LIMIT :limit OFFSET :offset
      """)
  List<AuditEntry> list(
      @Bind("action") String action,
      @Bind("actionPrefix") String actionPrefix,
      @Bind("actor") String actor,
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("limit") int limit,
      @Bind("offset") int offset);
}
