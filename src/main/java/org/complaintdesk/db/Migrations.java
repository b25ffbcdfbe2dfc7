package org.complaintdesk.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final String FINGERPRINT_TABLE = "schema_fingerprint";
  private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");

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

  /**
   * Brings the schema up to date. Returns false when it already was, known without starting
   * Liquibase: starting it costs seconds (it loads its services from our large jar), which every
   * restart of an up-to-date server would otherwise pay.
   */
  public static boolean migrate(Connection connection) {
    String fingerprint = fingerprint();
    if (fingerprint.equals(storedFingerprint(connection))) {
      LOG.info("Database schema is up to date (changelog unchanged since the last migration)");
      return false;
    }
    disableAnalytics();
    try {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try (Liquibase liquibase =
          new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
        liquibase.update(new Contexts(), new LabelExpression());
        storeFingerprint(connection, fingerprint); // before close(), which closes the connection
      }
      LOG.info("Database schema is up to date");
      return true;
    } catch (LiquibaseException | SQLException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }

  /** SHA-256 over the changelog and every file it includes, in order. */
  static String fingerprint() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      String root = resource(CHANGELOG);
      digest.update(root.getBytes(StandardCharsets.UTF_8));
      Matcher include = INCLUDE.matcher(root);
      while (include.find()) {
        digest.update(resource(include.group(1)).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("migration file " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String storedFingerprint(Connection connection) {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT fingerprint FROM " + FINGERPRINT_TABLE)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException noTableYet) {
      return null;
    }
  }

  /** Liquibase's own bookkeeping stays the source of truth; this only short-cuts the no-op case. */
  private static void storeFingerprint(Connection connection, String fingerprint)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS "
              + FINGERPRINT_TABLE
              + " (fingerprint VARCHAR(64) NOT NULL)");
      st.execute("DELETE FROM " + FINGERPRINT_TABLE);
    }
    try (PreparedStatement ps =
        connection.prepareStatement("INSERT INTO " + FINGERPRINT_TABLE + " VALUES (?)")) {
      ps.setString(1, fingerprint);
      ps.executeUpdate();
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }
}
