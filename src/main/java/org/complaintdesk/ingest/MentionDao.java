package org.complaintdesk.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Mention.class)
interface MentionDao extends SqlObject {
  String COLUMNS =
      """
      id, source_id, network, external_id, keyword_id, author_handle, author_name,
      author_followers, text, language, url, posted_at, fetched_at, sentiment_status,
      sentiment_label, detractor, case_id
      """;

  /**
   * Stores a mention unless (network, external_id) is already there. Returns 1 when inserted, 0 for
   * a duplicate: a repeated fetch never creates a second row.
   */
  @SqlUpdate(
      """
      INSERT INTO mentions (source_id, network, external_id, keyword_id, author_handle,
        author_name, author_followers, text, language, url, posted_at, fetched_at, raw_payload,
        sentiment_status, detractor)
      VALUES (:sourceId, :m.network, :m.externalId, :keywordId, :m.authorHandle, :m.authorName,
        :m.authorFollowers, :m.text, :m.language, :m.url, :m.postedAt, :fetchedAt, :m.rawPayload,
        'pending', FALSE)
      ON CONFLICT (network, external_id) DO NOTHING
      """)
  int insertIfAbsent(
      @Bind("sourceId") long sourceId,
      @BindMethods("m") IncomingMention mention,
      @Bind("keywordId") Long keywordId,
      @Bind("fetchedAt") Instant fetchedAt);

  /** {@link #insertIfAbsent} for a whole page in one JDBC batch; one count (1 or 0) per row. */
  @SqlBatch(
      """
      INSERT INTO mentions (source_id, network, external_id, keyword_id, author_handle,
        author_name, author_followers, text, language, url, posted_at, fetched_at, raw_payload,
        sentiment_status, detractor)
      VALUES (:sourceId, :m.network, :m.externalId, :keywordId, :m.authorHandle, :m.authorName,
        :m.authorFollowers, :m.text, :m.language, :m.url, :m.postedAt, :fetchedAt, :m.rawPayload,
        'pending', FALSE)
      ON CONFLICT (network, external_id) DO NOTHING
      """)
  int[] insertAllIfAbsent(
      @Bind("sourceId") long sourceId,
      @BindMethods("m") List<IncomingMention> mentions,
      @Bind("keywordId") List<Long> keywordIds,
      @Bind("fetchedAt") Instant fetchedAt);

  @SqlQuery("SELECT " + COLUMNS + " FROM mentions WHERE id = :id")
  Optional<Mention> find(@Bind("id") long id);

  @SqlQuery("SELECT raw_payload FROM mentions WHERE id = :id")
  Optional<String> rawPayload(@Bind("id") long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM mentions WHERE case_id = :caseId ORDER BY posted_at, id")
  List<Mention> findByCase(@Bind("caseId") long caseId);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM mentions WHERE network = :network AND LOWER(author_handle) = :handle"
          + " ORDER BY posted_at DESC, id DESC LIMIT :limit")
  List<Mention> findByAuthor(
      @Bind("network") org.complaintdesk.common.Network network,
      @Bind("handle") String lowerCaseHandle,
      @Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM mentions WHERE sentiment_status = 'pending' ORDER BY id LIMIT :limit")
  List<Mention> pending(@Bind("limit") int limit);

  @SqlQuery("SELECT COUNT(*) FROM mentions WHERE sentiment_status = 'pending'")
  long countPending();

  @SqlUpdate(
      """
      UPDATE mentions SET sentiment_status = :status, sentiment_label = :label,
        detractor = :detractor, language = COALESCE(:language, language)
      WHERE id = :id
      """)
  int updateSentiment(
      @Bind("id") long id,
      @Bind("status") String status,
      @Bind("label") String label,
      @Bind("detractor") boolean detractor,
      @Bind("language") String language);

  @SqlUpdate("UPDATE mentions SET sentiment_status = sentiment_status WHERE id = :id")
  int touch(@Bind("id") long id);

  @SqlUpdate("UPDATE mentions SET case_id = :caseId WHERE id = :id")
  int attachToCase(@Bind("id") long id, @Bind("caseId") long caseId);

  @SqlQuery("SELECT COUNT(*) FROM mentions")
  long count();

  default List<Mention> list(MentionFilter f, int limit, int offset) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM mentions WHERE 1 = 1");
    if (f.flagged() != null) {
      sql.append(" AND detractor = :flagged");
    }
    if (f.network() != null) {
      sql.append(" AND network = :network");
    }
    if (f.keywordId() != null) {
      sql.append(" AND keyword_id = :keywordId");
    }
    if (f.language() != null) {
      sql.append(" AND language = :language");
    }
    if (f.since() != null) {
      sql.append(" AND posted_at >= :since");
    }
    sql.append(" ORDER BY posted_at DESC, id DESC LIMIT :limit OFFSET :offset");
    var query = getHandle().createQuery(sql.toString());
    if (f.flagged() != null) {
      query.bind("flagged", f.flagged());
    }
    if (f.network() != null) {
      query.bind("network", f.network());
    }
    if (f.keywordId() != null) {
      query.bind("keywordId", f.keywordId());
    }
    if (f.language() != null) {
      query.bind("language", f.language());
    }
    if (f.since() != null) {
      query.bind("since", f.since());
    }
    return query.bind("limit", limit).bind("offset", offset).mapTo(Mention.class).list();
  }
}
