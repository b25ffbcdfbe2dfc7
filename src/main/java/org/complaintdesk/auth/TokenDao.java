package org.complaintdesk.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Bearer tokens, stored only as SHA-256 hashes. */
@RegisterConstructorMapper(ApiToken.class)
interface TokenDao {
  String COLUMNS =
      """
      t.id, t.user_id, u.username, t.kind, t.name, t.created_at, t.expires_at, t.revoked_at
      FROM api_tokens t JOIN users u ON u.id = t.user_id
      """;

  @SqlQuery(
      """
      INSERT INTO api_tokens (user_id, token_hash, kind, name, created_at, expires_at)
      VALUES (:userId, :hash, :kind, :name, :createdAt, :expiresAt)
      RETURNING id
      """)
  long insert(
      @Bind("userId") long userId,
      @Bind("hash") String hash,
      @Bind("kind") String kind,
      @Bind("name") String name,
      @Bind("createdAt") Instant createdAt,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery(
      """
      SELECT user_id FROM api_tokens
      WHERE token_hash = :hash AND revoked_at IS NULL
        AND (expires_at IS NULL OR expires_at > :now)
      """)
  Optional<Long> findActiveUserId(@Bind("hash") String hash, @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE api_tokens SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
  int revoke(@Bind("hash") String hash, @Bind("now") Instant now);

  @SqlUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
  int revokeById(@Bind("id") long id, @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
  int revokeAllOf(@Bind("userId") long userId, @Bind("now") Instant now);

  @SqlQuery("SELECT " + COLUMNS + " WHERE t.id = :id")
  Optional<ApiToken> find(@Bind("id") long id);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " WHERE t.kind = 'api' AND (:userId IS NULL OR t.user_id = :userId) ORDER BY t.id")
  List<ApiToken> listApi(@Bind("userId") Long userId);
}
