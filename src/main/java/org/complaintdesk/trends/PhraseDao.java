package org.complaintdesk.trends;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * Read-only reporting query over negative mentions and their stored sentiment evidence. It reads
 * the mentions and sentiment_results tables directly (a report's read model) and never writes them;
 * the range is bounded and capped, and walks the posted_at index.
 */
interface PhraseDao extends SqlObject {

  /** A negative mention with its evidence JSON. */
  record NegativeRow(
      long id,
      Long keywordId,
      String network,
      String authorHandle,
      String text,
      String url,
      Instant postedAt,
      String evidence) {}

  default List<NegativeRow> negatives(
      Instant from, Instant to, List<Long> keywordIds, String network, String language, int cap) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT m.id, m.keyword_id, m.network, m.author_handle, m.text, m.url, m.posted_at,
              s.evidence
            FROM mentions m JOIN sentiment_results s ON s.mention_id = m.id
            WHERE m.posted_at >= :from AND m.posted_at < :to
              AND (m.sentiment_label = 'negative' OR m.detractor = :yes)
            """);
    if (keywordIds != null) {
      sql.append(keywordIds.isEmpty() ? " AND 1 = 0" : " AND m.keyword_id IN (<ids>)");
    }
    if (network != null) {
      sql.append(" AND m.network = :network");
    }
    if (language != null) {
      sql.append(" AND m.language = :language");
    }
    sql.append(" ORDER BY m.posted_at DESC, m.id DESC LIMIT :cap");
    var q =
        getHandle()
            .createQuery(sql.toString())
            .bind("from", from)
            .bind("to", to)
            .bind("yes", true)
            .bind("cap", cap);
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
                new NegativeRow(
                    rs.getLong(1),
                    // getObject(i, Long.class) throws on SQL NULL with the SQLite driver.
                    rs.getObject(2) == null ? null : rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    Instant.ofEpochMilli(rs.getLong(7)),
                    rs.getString(8)))
        .list();
  }
}
