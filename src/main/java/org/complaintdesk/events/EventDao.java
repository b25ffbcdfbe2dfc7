package org.complaintdesk.events;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Event.class)
interface EventDao {
  @SqlUpdate(
      """
      INSERT INTO events (type, occurred_at, case_id, mention_id, actor, duration_ms, data)
      VALUES (:type, :occurredAt, :caseId, :mentionId, :actor, :durationMs, :data)
      """)
  void append(
      @Bind("type") String type,
      @Bind("occurredAt") Instant occurredAt,
      @Bind("caseId") Long caseId,
      @Bind("mentionId") Long mentionId,
      @Bind("actor") String actor,
      @Bind("durationMs") Long durationMs,
      @Bind("data") String data);

  @SqlQuery(
      """
      SELECT id, type, occurred_at, case_id, mention_id, actor, duration_ms, data
      FROM events WHERE case_id = :caseId ORDER BY id
      """)
  List<Event> forCase(@Bind("caseId") long caseId);
}
