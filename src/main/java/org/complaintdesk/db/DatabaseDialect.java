package org.complaintdesk.db;

/** The two databases the SQL is written for; chosen once from the JDBC URL. */
public enum DatabaseDialect {
  SQLITE,
  POSTGRES;

  public static DatabaseDialect fromUrl(String jdbcUrl) {
    if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    throw new IllegalArgumentException(
        "Unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
  }
}
