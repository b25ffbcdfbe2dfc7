package org.complaintdesk.trends;

import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * Read-only reporting query over the append-only events log (and the case's network). Walks the
 * (type, occurred_at) index.
 */
interface ResponseTimeDao extends SqlObject {

  record DurationRow(long occurredAt, String actor, String network, long durationMs) {}

  default List<DurationRow> durations(String type, long from, long to, String network) {
    String sql =
        """
        SELECT e.occurred_at, e.actor, c.network, e.duration_ms
        FROM events e LEFT JOIN cases c ON c.id = e.case_id
        WHERE e.type = :type AND e.occurred_at >= :from AND e.occurred_at < :to
          AND e.duration_ms IS NOT NULL
        """
            + (network == null ? "" : " AND c.network = :network");
    var q = getHandle().createQuery(sql).bind("type", type).bind("from", from).bind("to", to);
    if (network != null) {
      q.bind("network", network);
    }
    return q.map(
            (rs, ctx) ->
                new DurationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }
}
