package org.complaintdesk.trends;

import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;

class PostgresTrendRollupTest extends TrendRollupContract {
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
