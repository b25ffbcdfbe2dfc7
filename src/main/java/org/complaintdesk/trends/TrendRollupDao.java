package org.complaintdesk.trends;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface TrendRollupDao {
  /** Adds a delta to one bucket; ON CONFLICT ... DO UPDATE is the same on SQLite and PostgreSQL. */
  @SqlUpdate(
      """
      INSERT INTO trend_rollup (bucket_start, keyword_id, network, language, label, volume,
        detractors)
      VALUES (:k.bucketStart, :k.keywordId, :k.network, :k.language, :k.label, :volume,
        :detractors)
      ON CONFLICT (bucket_start, keyword_id, network, language, label) DO UPDATE SET
        volume = trend_rollup.volume + excluded.volume,
        detractors = trend_rollup.detractors + excluded.detractors
      """)
  void add(
      @BindMethods("k") RollupKey key,
      @Bind("volume") long volume,
      @Bind("detractors") long detractors);

  /** The same for many buckets at once (bulk building, e.g. the benchmark's generator). */
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

  /** A change to one bucket's counters. */
  record Delta(long volume, long detractors) {}
}
