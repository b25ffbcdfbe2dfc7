package org.complaintdesk.ingest;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(InboundEvent.class)
interface InboundEventDao {
  /** 1 when stored, 0 when the sender already delivered this event id (at-least-once senders). */
  @SqlUpdate(
      """
      INSERT INTO inbound_events (source_id, event_id, body, received_at)
      VALUES (:sourceId, :eventId, :body, :now)
      ON CONFLICT (source_id, event_id) DO NOTHING
      """)
  int insert(
      @Bind("sourceId") long sourceId,
      @Bind("eventId") String eventId,
      @Bind("body") String body,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT id, source_id, event_id, body, received_at, processed_at FROM inbound_events
      WHERE processed_at IS NULL ORDER BY id LIMIT :limit
      """)
  List<InboundEvent> pending(@Bind("limit") int limit);

  @SqlUpdate("UPDATE inbound_events SET processed_at = :now, error = :error WHERE id = :id")
  void markProcessed(@Bind("id") long id, @Bind("now") Instant now, @Bind("error") String error);
}
