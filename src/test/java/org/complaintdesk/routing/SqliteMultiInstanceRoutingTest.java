package org.complaintdesk.routing;

import java.nio.file.Path;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;

class SqliteMultiInstanceRoutingTest extends MultiInstanceRoutingContract {
  @TempDir Path dir;

  @Override
  Jdbi first() {
    return TestDatabases.sqliteFile(dir.resolve("shared.db"));
  }

  @Override
  Jdbi second() {
    return TestDatabases.sqliteFile(dir.resolve("shared.db"));
  }
}
