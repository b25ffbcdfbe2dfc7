package org.complaintdesk.auth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Bearer tokens, stored only as SHA-256 hashes. */
interface TokenDao {
  @SqlUpdate(
      """
      INSERT INTO api_tokens (user_id, token_hash, kind, name, created_at, expires_at)
      VALUES (:userId, :hash, :kind, :name, :createdAt, :expiresAt)
      """)
  void insert(
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
}
