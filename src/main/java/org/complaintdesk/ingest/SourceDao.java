package org.complaintdesk.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.complaintdesk.common.Network;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Source.class)
interface SourceDao {
  String COLUMNS =
      """
      id, name, network, query, cursor, enabled, last_success_at, last_error_at, last_error,
      consecutive_failures, items_fetched, state, paused_until, admin_paused
      """;

  @SqlUpdate(
      """
      INSERT INTO sources (name, network, query, enabled, consecutive_failures, items_fetched)
      VALUES (:name, :network, :query, :enabled, 0, 0)
      ON CONFLICT (name) DO UPDATE SET network = :network, query = :query, enabled = :enabled
      """)
  void upsert(
      @Bind("name") String name,
      @Bind("network") Network network,
      @Bind("query") String query,
      @Bind("enabled") boolean enabled);

  @SqlQuery("SELECT " + COLUMNS + " FROM sources WHERE name = :name")
  Optional<Source> findByName(@Bind("name") String name);

  @SqlQuery("SELECT " + COLUMNS + " FROM sources WHERE id = :id")
  Optional<Source> find(@Bind("id") long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM sources ORDER BY name")
  List<Source> list();

  @SqlUpdate(
      """
      UPDATE sources SET cursor = :cursor, last_success_at = :now, consecutive_failures = 0,
        items_fetched = items_fetched + :fetched, state = 'ok', paused_until = NULL
      WHERE id = :id
      """)
  void recordSuccess(
      @Bind("id") long id,
      @Bind("cursor") String cursor,
      @Bind("fetched") int fetched,
      @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE sources SET last_error_at = :now, last_error = :error, state = :state,
        paused_until = :pausedUntil,
        consecutive_failures = consecutive_failures + CASE WHEN :counts THEN 1 ELSE 0 END
      WHERE id = :id
      """)
  void recordFailure(
      @Bind("id") long id,
      @Bind("error") String error,
      @Bind("now") Instant now,
      @Bind("state") String state,
      @Bind("pausedUntil") Instant pausedUntil,
      @Bind("counts") boolean counts);

  /** A pause the network asked for (an exhausted rate-limit window) after a successful fetch. */
  @SqlUpdate("UPDATE sources SET paused_until = :until, state = :state WHERE id = :id")
  void pause(@Bind("id") long id, @Bind("until") Instant until, @Bind("state") String state);

  /** Admin pause/resume; returns the rows changed (0: no such source). */
  @SqlUpdate("UPDATE sources SET admin_paused = :paused WHERE name = :name")
  int setAdminPaused(@Bind("name") String name, @Bind("paused") boolean paused);
}
