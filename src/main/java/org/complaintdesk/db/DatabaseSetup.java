package org.complaintdesk.db;

import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.complaintdesk.common.Network;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Prepares the data source for its dialect and configures Jdbi the same way for the server, the
 * commands and the tests.
 */
public final class DatabaseSetup {
  private DatabaseSetup() {}

  /**
   * Fills in the SQLite settings every connection needs (WAL, foreign keys, busy timeout, immediate
   * transactions) and the driver class, and creates the database file's folder.
   */
  public static DatabaseDialect prepare(DataSourceFactory factory) {
    Migrations.disableAnalytics();
    DatabaseDialect dialect = DatabaseDialect.fromUrl(factory.getUrl());
    if (dialect == DatabaseDialect.SQLITE) {
      factory.setDriverClass("org.sqlite.JDBC");
      var props = factory.getProperties();
      props.putIfAbsent("journal_mode", "WAL");
      props.putIfAbsent("foreign_keys", "true");
      props.putIfAbsent("busy_timeout", "15000");
      props.putIfAbsent("synchronous", "NORMAL");
      // Writers take the lock up front, so a read-then-write transaction never fails with BUSY.
      props.putIfAbsent("transaction_mode", "IMMEDIATE");
      createParentFolder(factory.getUrl());
    } else {
      factory.setDriverClass("org.postgresql.Driver");
    }
    return dialect;
  }

  private static void createParentFolder(String url) {
    String path = url.substring("jdbc:sqlite:".length());
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(path).toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the database folder " + parent, e);
    }
  }

  /** Plugins and type mappings shared by every Jdbi instance of the application. */
  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    // Instants are stored as epoch milliseconds: identical on SQLite and PostgreSQL, cheap to
    // compare and bucket.
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerColumnMapper(
        Instant.class,
        (ColumnMapper<Instant>)
            (rs, col, ctx) -> {
              long millis = rs.getLong(col);
              return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
            });
    // Networks are stored by their lower-case key ("mastodon"), as the API spells them.
    jdbi.registerArgument(new NetworkArgumentFactory());
    jdbi.registerColumnMapper(
        Network.class,
        (ColumnMapper<Network>)
            (rs, col, ctx) -> {
              String key = rs.getString(col);
              return key == null ? null : Network.fromKey(key);
            });
    return jdbi;
  }

  private static final class NetworkArgumentFactory extends AbstractArgumentFactory<Network> {
    NetworkArgumentFactory() {
      super(java.sql.Types.VARCHAR);
    }

    @Override
    protected Argument build(Network value, ConfigRegistry config) {
      return (position, statement, ctx) -> statement.setString(position, value.key());
    }
  }

  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(java.sql.Types.BIGINT);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
    }
  }
}
