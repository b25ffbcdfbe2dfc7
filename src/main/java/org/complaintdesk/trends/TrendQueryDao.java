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
   * keeps the rows sent to Java to (buckets x groups x labels), not hours. {@code table} is
   * trend_rollup or (no network/language filter or grouping) trend_rollup_kh.
   */
  default List<BucketRow> buckets(
      String table,
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
                + " FROM "
                + table
                + " WHERE bucket_start >= :from AND bucket_start < :to");
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

  /**
   * trend_rollup_day sums per UTC day, group and label over days [fromMs, toMs); bucket = day
   * start.
   */
  default List<BucketRow> days(long fromMs, long toMs, String groupColumn, List<Long> keywordIds) {
    String group = groupColumn == null ? "''" : groupColumn;
    String sql =
        "SELECT day_start, "
            + group
            + " AS group_key, label, SUM(volume), SUM(detractors) FROM trend_rollup_day"
            + " WHERE day_start >= :from AND day_start < :to"
            + RollupSql.keywordFilter(keywordIds)
            + " GROUP BY day_start"
            + (groupColumn == null ? "" : ", " + group)
            + ", label";
    var q = getHandle().createQuery(sql).bind("from", fromMs).bind("to", toMs);
    if (keywordIds != null && !keywordIds.isEmpty()) {
      q.bindList("ids", keywordIds);
    }
    return q.map(RollupSql::row).list();
  }

  /**
   * trend_rollup_kh rows (hour, group, label, volume, detractors) in the given disjoint hour ranges
   * (the bucket edges' corrections); the caller sums them. The ranges are a VALUES table joined to
   * the primary key, so each is an index range search (with the ranges OR-ed, SQLite chose a full
   * index scan when grouping by keyword; one UNION ALL branch per range cost PostgreSQL ~100 ms of
   * planning). The ranges go into the text as numbers only.
   */
  default List<BucketRow> hours(
      List<DayPlan.Correction> ranges, String groupColumn, List<Long> keywordIds) {
    if (ranges.isEmpty()) {
      return List.of();
    }
    // Ids are Longs: inlined as numbers.
    String ids =
        keywordIds == null
            ? ""
            : keywordIds.isEmpty()
                ? " AND 1 = 0"
                : " AND keyword_id IN ("
                    + String.join(",", keywordIds.stream().map(String::valueOf).toList())
                    + ")";
    StringBuilder sql = new StringBuilder("WITH r(f, t) AS (VALUES ");
    for (int i = 0; i < ranges.size(); i++) {
      var r = ranges.get(i);
      sql.append(i == 0 ? "(" : ", (").append(r.fromMs()).append(", ").append(r.toMs()).append(')');
    }
    sql.append(") SELECT k.bucket_start, ")
        .append(groupColumn == null ? "''" : "k." + groupColumn)
        .append(
            " AS group_key, k.label, k.volume, k.detractors FROM r JOIN trend_rollup_kh k"
                + " ON k.bucket_start >= r.f AND k.bucket_start < r.t")
        .append(ids.replace(" keyword_id", " k.keyword_id"));
    return getHandle().createQuery(sql.toString()).map(RollupSql::row).list();
  }
}
