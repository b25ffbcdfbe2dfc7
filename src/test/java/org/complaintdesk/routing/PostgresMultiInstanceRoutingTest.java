package org.complaintdesk.routing;

import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;

class PostgresMultiInstanceRoutingTest extends MultiInstanceRoutingContract {
  private TestDatabases.PostgresSchema schema;

  @Override
  Jdbi first() {
    schema = TestDatabases.postgres();
    return schema.jdbi();
  }

  @Override
  Jdbi second() {
    return DatabaseSetup.configure(
        Jdbi.create(schema.url(), TestDatabases.PG_USER, TestDatabases.PG_PASSWORD));
  }

  @AfterEach
  void drop() {
    if (schema != null) {
      schema.drop().run();
    }
  }
}
