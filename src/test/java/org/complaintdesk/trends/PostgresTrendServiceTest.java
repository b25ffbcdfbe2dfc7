package org.complaintdesk.trends;

import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;

class PostgresTrendServiceTest extends TrendServiceContract {
  private TestDatabases.PostgresSchema schema;

  @Override
  Jdbi database() {
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
