package org.complaintdesk.replies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.complaintdesk.common.Network;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Reply.class)
interface ReplyDao {
  String SELECT =
      """
      SELECT r.id, r.case_id, r.in_reply_to_mention_id, r.author_id, u.username AS author,
        r.network, r.text, r.status, r.external_id, r.error, r.created_at, r.sent_at, r.kind
      FROM replies r JOIN users u ON u.id = r.author_id
      """;

  @SqlQuery(
      """
      INSERT INTO replies (case_id, in_reply_to_mention_id, author_id, network, text, status,
        created_at, kind)
      VALUES (:caseId, :mentionId, :authorId, :network, :text, 'sending', :now, :kind)
      RETURNING id
      """)
  long insert(
      @Bind("caseId") long caseId,
      @Bind("mentionId") long mentionId,
      @Bind("authorId") long authorId,
      @Bind("network") Network network,
      @Bind("text") String text,
      @Bind("now") Instant now,
      @Bind("kind") String kind);

  /** The system account automatic acknowledgements are written by (created by migration 200-5). */
  @SqlQuery("SELECT id FROM users WHERE username = 'auto-ack'")
  Optional<Long> autoAckAuthor();

  @SqlQuery("SELECT COUNT(*) FROM replies WHERE case_id = :caseId AND kind = :kind")
  int countKind(@Bind("caseId") long caseId, @Bind("kind") String kind);

  @SqlUpdate(
      "UPDATE replies SET status = 'sent', external_id = :externalId, sent_at = :sentAt, error = NULL"
          + " WHERE id = :id")
  void markSent(
      @Bind("id") long id, @Bind("externalId") String externalId, @Bind("sentAt") Instant sentAt);

  @SqlUpdate("UPDATE replies SET status = 'failed', error = :error WHERE id = :id")
  void markFailed(@Bind("id") long id, @Bind("error") String error);

  @SqlQuery(SELECT + " WHERE r.id = :id")
  Optional<Reply> find(@Bind("id") long id);

  @SqlQuery(SELECT + " WHERE r.case_id = :caseId ORDER BY r.id")
  List<Reply> forCase(@Bind("caseId") long caseId);

  /** Takes a queued reply for one attempt; 0 when another worker took it or it is not queued. */
  @SqlUpdate(
      "UPDATE replies SET status = 'sending', attempts = COALESCE(attempts, 0) + 1"
          + " WHERE id = :id AND status = 'queued'")
  int claim(@Bind("id") long id);

  /** The inline first attempt of a new reply (inserted as 'sending'). */
  @SqlUpdate("UPDATE replies SET attempts = 1 WHERE id = :id")
  void firstAttempt(@Bind("id") long id);

  @SqlUpdate(
      "UPDATE replies SET status = 'queued', error = :error, next_attempt_at = :nextAt"
          + " WHERE id = :id")
  void requeue(@Bind("id") long id, @Bind("error") String error, @Bind("nextAt") Instant nextAt);

  @SqlQuery(
      "SELECT id FROM replies WHERE status = 'queued' AND next_attempt_at <= :now"
          + " ORDER BY next_attempt_at, id LIMIT :limit")
  List<Long> due(@Bind("now") Instant now, @Bind("limit") int limit);

  @SqlQuery("SELECT id FROM replies WHERE status = 'sending' ORDER BY id")
  List<Long> inFlight();

  @SqlQuery("SELECT COALESCE(attempts, 0) FROM replies WHERE id = :id")
  int attempts(@Bind("id") long id);
}
