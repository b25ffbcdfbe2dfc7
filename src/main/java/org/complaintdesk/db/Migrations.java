package org.complaintdesk.db;

import java.sql.Connection;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned Liquibase changelog ({@code migrations.xml}, the same file the {@code db
 * migrate} command uses) at start-up.
 */
public final class Migrations {
  public static final String CHANGELOG = "migrations.xml";
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /**
   * Liquibase 4.30+ phones home (https://config.liquibase.com) unless told not to; a self-hosted
   * tool must not, and the tests' loopback guard caught it. An explicit setting wins.
   */
  public static void disableAnalytics() {
    if (System.getProperty("liquibase.analytics.enabled") == null) {
      System.setProperty("liquibase.analytics.enabled", "false");
    }
  }

  public static void migrate(Connection connection) {
    disableAnalytics();
    try {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try (Liquibase liquibase =
          new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
        liquibase.update(new Contexts(), new LabelExpression());
      }
      LOG.info("Database schema is up to date");
    } catch (LiquibaseException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }
}
