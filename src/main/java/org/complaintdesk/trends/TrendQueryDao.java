package org.complaintdesk.trends;

import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;

/** Reads summed rollup rows; never touches raw mentions. */
interface TrendQueryDao extends SqlObject {

  /** A rollup sum for one report bucket, one group value and one label. */
  record BucketRow(long bucket, String groupKey, String label, long volume, long detractors) {}

  /**
   * Sums rollups per report bucket, group and label over [fromMs, toMs). The bucket expression is
   * built by {@link Bucket#sqlIndex} from numbers only (local offsets per DST segment), and {@code
   * groupColumn} is one of a fixed set chosen by the service - never user text. Bucketing in SQL
   * keeps the rows sent to Java to (buckets x groups x labels), not hours.
   */
  default List<BucketRow> buckets(
      String bucketExpr,
      long fromMs,
      long toMs,
      String groupColumn,
      List<Long> keywordIds,
      String network,
      String language) {
    String group = groupColumn == null ? "''" : groupColumn;
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + bucketExpr
                + " AS b, "
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
    sql.append(" GROUP BY ")
        .append(bucketExpr)
        .append(groupColumn == null ? "" : ", " + group)
        .append(", label");
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
                new BucketRow(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }
}
