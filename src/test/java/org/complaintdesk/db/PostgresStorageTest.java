package org.complaintdesk.db;

import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;

/**
 * The same contract on PostgreSQL (skipped with a message when none is reachable, except in CI).
 */
class PostgresStorageTest extends StorageContract {
  private TestDatabases.PostgresSchema schema;

  @Override
  Jdbi jdbi() {
    schema = TestDatabases.postgres();
    return schema.jdbi();
  }

  @AfterEach
  void drop() {
    if (schema != null) {
      schema.drop().run();
    }
  }
}
