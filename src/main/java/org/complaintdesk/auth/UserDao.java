package org.complaintdesk.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(UserRow.class)
interface UserDao {
  String COLUMNS =
      "id, username, display_name, password_hash, roles, languages, active, created_at";

  @SqlQuery(
      """
      INSERT INTO users (username, display_name, password_hash, roles, languages, active, created_at)
      VALUES (:username, :displayName, :passwordHash, :roles, :languages, TRUE, :createdAt)
      RETURNING id
      """)
  long insert(
      @Bind("username") String username,
      @Bind("displayName") String displayName,
      @Bind("passwordHash") String passwordHash,
      @Bind("roles") String roles,
      @Bind("languages") String languages,
      @Bind("createdAt") Instant createdAt);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
  Optional<UserRow> findByUsername(@Bind("username") String username);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
  Optional<UserRow> findById(@Bind("id") long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
  List<UserRow> list();

  @SqlQuery("SELECT COUNT(*) FROM users")
  long count();

  @SqlUpdate(
      """
      UPDATE users SET display_name = :displayName, roles = :roles, languages = :languages,
                       active = :active
      WHERE id = :id
      """)
  int update(
      @Bind("id") long id,
      @Bind("displayName") String displayName,
      @Bind("roles") String roles,
      @Bind("languages") String languages,
      @Bind("active") boolean active);

  @SqlUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
  int setPassword(@Bind("id") long id, @Bind("hash") String hash);
}
