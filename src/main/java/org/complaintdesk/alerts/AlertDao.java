package org.complaintdesk.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface AlertDao extends SqlObject {
  /** An alerts row; posts, phrases and delivery as JSON text. */
  record AlertRow(
      long id,
      String kind,
      long keywordId,
      String network,
      Instant bucketStart,
      Instant firedAt,
      double observed,
      double expected,
      double score,
      long volume,
      String message,
      String details,
      String delivery) {}

  /**
   * Hourly sums for the detector: per keyword and network, total and negative, where negative is a
   * negative label or a detractor flag (a calm post can be flagged with a neutral label; a burst of
   * them is what a negativity alert is for). A rollup row of a non-negative label counts its
   * flagged posts ({@code detractors}), so the sum counts each post once.
   */
  record HourCount(long bucketStart, long keywordId, String network, long volume, long negative) {}

  @SqlQuery(
      """
      SELECT bucket_start, keyword_id, network, SUM(volume) AS volume,
        SUM(CASE WHEN label = 'negative' THEN volume ELSE detractors END) AS negative
      FROM trend_rollup WHERE bucket_start >= :from AND bucket_start < :to
      GROUP BY bucket_start, keyword_id, network
      """)
  @RegisterConstructorMapper(HourCount.class)
  List<HourCount> hourCounts(@Bind("from") long from, @Bind("to") long to);

  @SqlQuery(
      """
      SELECT MAX(fired_at) FROM alerts WHERE kind = :kind AND keyword_id = :keywordId
        AND network = :network
      """)
  Optional<Instant> lastFired(
      @Bind("kind") String kind,
      @Bind("keywordId") long keywordId,
      @Bind("network") String network);

  @SqlQuery(
      """
      INSERT INTO alerts (kind, keyword_id, network, bucket_start, fired_at, observed, expected,
        score, volume, message, details, delivery)
      VALUES (:kind, :keywordId, :network, :bucketStart, :firedAt, :observed, :expected, :score,
        :volume, :message, :details, '{}')
      RETURNING id
      """)
  long insert(
      @Bind("kind") String kind,
      @Bind("keywordId") long keywordId,
      @Bind("network") String network,
      @Bind("bucketStart") Instant bucketStart,
      @Bind("firedAt") Instant firedAt,
      @Bind("observed") double observed,
      @Bind("expected") double expected,
      @Bind("score") double score,
      @Bind("volume") long volume,
      @Bind("message") String message,
      @Bind("details") String details);

  @SqlUpdate("UPDATE alerts SET delivery = :delivery WHERE id = :id")
  void setDelivery(@Bind("id") long id, @Bind("delivery") String delivery);

  @SqlQuery(
      """
      SELECT id, kind, keyword_id, network, bucket_start, fired_at, observed, expected, score,
        volume, message, details, delivery
      FROM alerts ORDER BY fired_at DESC, id DESC LIMIT :limit OFFSET :offset
      """)
  @RegisterConstructorMapper(AlertRow.class)
  List<AlertRow> list(@Bind("limit") int limit, @Bind("offset") int offset);

  /** The posts driving an alert: that hour's mentions of the keyword, detractors first. */
  @SqlQuery(
      """
      SELECT id AS mention_id, network, author_handle AS author, text, url FROM mentions
      WHERE keyword_id = :keywordId AND posted_at >= :from AND posted_at < :to
        AND (:network = '' OR network = :network)
        AND (:negativeOnly = FALSE OR sentiment_label = 'negative' OR detractor = TRUE)
      ORDER BY detractor DESC, COALESCE(author_followers, 0) DESC, id DESC LIMIT :limit
      """)
  @RegisterConstructorMapper(Alert.Post.class)
  List<Alert.Post> posts(
      @Bind("keywordId") long keywordId,
      @Bind("network") String network,
      @Bind("from") Instant from,
      @Bind("to") Instant to,
      @Bind("negativeOnly") boolean negativeOnly,
      @Bind("limit") int limit);
}
