package org.complaintdesk.testing;

import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.db.Migrations;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for storage tests: a temp SQLite file, or a fresh schema in the PostgreSQL at
 * 127.0.0.1:5432 (override with CD_TEST_PG_URL / CD_TEST_PG_USER / CD_TEST_PG_PASSWORD). Without a
 * reachable PostgreSQL those tests are skipped with a message - except in CI (CI=true), where a
 * missing PostgreSQL is an error.
 */
public final class TestDatabases {
  public static final String PG_URL =
      env("CD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER = env("CD_TEST_PG_USER", "postgres");
  public static final String PG_PASSWORD = env("CD_TEST_PG_PASSWORD", "");

  private TestDatabases() {}

  /** A migrated SQLite database in a new file under {@code dir}. */
  public static Jdbi sqlite(Path dir) {
    return sqliteFile(dir.resolve("test-" + UUID.randomUUID() + ".db"));
  }

  /** A migrated SQLite database in this file (opened again as it is, e.g. after a "restart"). */
  public static Jdbi sqliteFile(Path file) {
    var factory = new DataSourceFactory();
    factory.setUrl("jdbc:sqlite:" + file);
    DatabaseSetup.prepare(factory);
    Properties props = new Properties();
    props.putAll(factory.getProperties());
    Jdbi jdbi = DatabaseSetup.configure(Jdbi.create(factory.getUrl(), props));
    jdbi.useHandle(h -> Migrations.migrate(h.getConnection()));
    return jdbi;
  }

  /** A migrated, empty PostgreSQL schema of its own; skips the test if there is no server. */
  public static PostgresSchema postgres() {
    assumePostgres();
    String schema = "cd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Jdbi admin = Jdbi.create(PG_URL, PG_USER, PG_PASSWORD);
    admin.useHandle(h -> h.execute("CREATE SCHEMA " + schema));
    String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    Jdbi jdbi = DatabaseSetup.configure(Jdbi.create(url, PG_USER, PG_PASSWORD));
    jdbi.useHandle(h -> Migrations.migrate(h.getConnection()));
    return new PostgresSchema(
        jdbi, url, () -> admin.useHandle(h -> h.execute("DROP SCHEMA " + schema + " CASCADE")));
  }

  /** A schema and how to drop it. */
  public record PostgresSchema(Jdbi jdbi, String url, Runnable drop) {}

  public static boolean postgresReachable() {
    try (var c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public static void assumePostgres() {
    boolean reachable = postgresReachable();
    if (!reachable && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          "PostgreSQL is required in CI but " + PG_URL + " is not reachable as " + PG_USER);
    }
    Assumptions.assumeTrue(
        reachable,
        "Skipping PostgreSQL test: no PostgreSQL reachable at "
            + PG_URL
            + " as "
            + PG_USER
            + " (set CD_TEST_PG_URL / CD_TEST_PG_USER to point at one)");
  }

  private static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
