package org.complaintdesk.trends;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface TrendRollupDao {
  /**
   * Adds deltas to trend_rollup; ON CONFLICT ... DO UPDATE is the same on SQLite and PostgreSQL.
   */
  @SqlBatch(
      """
      INSERT INTO trend_rollup (bucket_start, keyword_id, network, language, label, volume,
        detractors)
      VALUES (:k.bucketStart, :k.keywordId, :k.network, :k.language, :k.label, :d.volume,
        :d.detractors)
      ON CONFLICT (bucket_start, keyword_id, network, language, label) DO UPDATE SET
        volume = trend_rollup.volume + excluded.volume,
        detractors = trend_rollup.detractors + excluded.detractors
      """)
  void addAll(@BindMethods("k") List<RollupKey> keys, @BindMethods("d") List<Delta> deltas);

  @SqlQuery(
      """
      SELECT bucket_start, keyword_id, network, language, label, volume, detractors
      FROM trend_rollup WHERE volume <> 0 OR detractors <> 0
      ORDER BY bucket_start, keyword_id, network, language, label
      """)
  @RegisterConstructorMapper(RollupRow.class)
  List<RollupRow> all();

  /** Adds deltas to trend_rollup_kh (hour x keyword x label). */
  @SqlBatch(
      """
      INSERT INTO trend_rollup_kh (bucket_start, keyword_id, label, volume, detractors)
      VALUES (:k.start, :k.keywordId, :k.label, :d.volume, :d.detractors)
      ON CONFLICT (bucket_start, keyword_id, label) DO UPDATE SET
        volume = trend_rollup_kh.volume + excluded.volume,
        detractors = trend_rollup_kh.detractors + excluded.detractors
      """)
  void addKh(@BindMethods("k") List<CoarseKey> keys, @BindMethods("d") List<Delta> deltas);

  /** Adds deltas to trend_rollup_day (UTC day x keyword x label). */
  @SqlBatch(
      """
      INSERT INTO trend_rollup_day (day_start, keyword_id, label, volume, detractors)
      VALUES (:k.start, :k.keywordId, :k.label, :d.volume, :d.detractors)
      ON CONFLICT (day_start, keyword_id, label) DO UPDATE SET
        volume = trend_rollup_day.volume + excluded.volume,
        detractors = trend_rollup_day.detractors + excluded.detractors
      """)
  void addDay(@BindMethods("k") List<CoarseKey> keys, @BindMethods("d") List<Delta> deltas);

  @SqlQuery(
      """
      SELECT bucket_start AS start_ms, keyword_id, label, volume, detractors FROM trend_rollup_kh
      WHERE volume <> 0 OR detractors <> 0 ORDER BY bucket_start, keyword_id, label
      """)
  @RegisterConstructorMapper(TrendRollups.CoarseRow.class)
  List<TrendRollups.CoarseRow> allKh();

  @SqlQuery(
      """
      SELECT day_start AS start_ms, keyword_id, label, volume, detractors FROM trend_rollup_day
      WHERE volume <> 0 OR detractors <> 0 ORDER BY day_start, keyword_id, label
      """)
  @RegisterConstructorMapper(TrendRollups.CoarseRow.class)
  List<TrendRollups.CoarseRow> allDay();

  /** A change to one bucket's counters. */
  record Delta(long volume, long detractors) {}
}
