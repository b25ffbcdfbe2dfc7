package org.complaintdesk.events;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Event.class)
@RegisterConstructorMapper(EventLog.Measured.class)
interface EventDao {
  @SqlUpdate(
      """
      INSERT INTO events (type, occurred_at, case_id, mention_id, actor, duration_ms, data,
        business_ms, team_id, responder_id, network, sla_met)
      VALUES (:type, :at, :caseId, :mentionId, :actor, :durationMs, :data,
        :businessMs, :teamId, :responderId, :network, :slaMet)
      """)
  void appendEntry(@BindMethods EventLog.Entry entry);

  @SqlBatch(
      """
      INSERT INTO events (type, occurred_at, case_id, mention_id, actor, duration_ms, data,
        business_ms, team_id, responder_id, network, sla_met)
      VALUES (:type, :at, :caseId, :mentionId, :actor, :durationMs, :data,
        :businessMs, :teamId, :responderId, :network, :slaMet)
      """)
  void appendEntries(@BindMethods List<EventLog.Entry> entries);

  @SqlQuery(
      """
      SELECT case_id, occurred_at, duration_ms, business_ms, sla_met FROM events
      WHERE type = :type AND occurred_at >= :from AND occurred_at < :to
        AND (CAST(:teamId AS BIGINT) IS NULL OR team_id = :teamId)
        AND (CAST(:responderId AS BIGINT) IS NULL OR responder_id = :responderId)
        AND (CAST(:network AS VARCHAR(32)) IS NULL OR network = :network)
      ORDER BY occurred_at, id
      """)
  List<EventLog.Measured> measured(
      @Bind("type") String type,
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("teamId") Long teamId,
      @Bind("responderId") Long responderId,
      @Bind("network") org.complaintdesk.common.Network network);

  @SqlQuery(
      """
      SELECT id, type, occurred_at, case_id, mention_id, actor, duration_ms, data
      FROM events WHERE case_id = :caseId ORDER BY id
      """)
  List<Event> forCase(@Bind("caseId") long caseId);
}
