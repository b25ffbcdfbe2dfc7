package org.complaintdesk.trends;

import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;

/** Reads summed rollup rows; never touches raw mentions. */
interface TrendQueryDao extends SqlObject {

  /** A rollup sum for one hour, one group value and one label. */
  record HourRow(long bucketStart, String groupKey, String label, long volume, long detractors) {}

  /**
   * Sums rollups per hour, group and label over [fromMs, toMs). {@code groupColumn} is one of a
   * fixed set chosen by the service (never user text), or null for no grouping.
   */
  default List<HourRow> hours(
      long fromMs,
      long toMs,
      String groupColumn,
      List<Long> keywordIds,
      String network,
      String language) {
    String group = groupColumn == null ? "''" : groupColumn;
    StringBuilder sql =
        new StringBuilder(
            "SELECT bucket_start, "
                + group
                + " AS group_key, label, SUM(volume) AS volume, SUM(detractors) AS detractors"
                + " FROM trend_rollup WHERE bucket_start >= :from AND bucket_start < :to");
    if (keywordIds != null) {
      sql.append(keywordIds.isEmpty() ? " AND 1 = 0" : " AND keyword_id IN (<ids>)");
    }
    if (network != null) {
      sql.append(" AND network = :network");
    }
    if (language != null) {
      sql.append(" AND language = :language");
    }
    sql.append(" GROUP BY bucket_start, ")
        .append(groupColumn == null ? "" : group + ", ")
        .append("label");
    var q = getHandle().createQuery(sql.toString()).bind("from", fromMs).bind("to", toMs);
    if (keywordIds != null && !keywordIds.isEmpty()) {
      q.bindList("ids", keywordIds);
    }
    if (network != null) {
      q.bind("network", network);
    }
    if (language != null) {
      q.bind("language", language);
    }
    return q.map(
            (rs, ctx) ->
                new HourRow(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }
}
