package org.complaintdesk.trends;

import java.nio.file.Path;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;

class SqliteTrendRollupTest extends TrendRollupContract {
  @TempDir Path dir;

  @Override
  Jdbi jdbi() {
    return TestDatabases.sqlite(dir);
  }
}
