package org.complaintdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStorageTest extends StorageContract {
  @TempDir Path dir;
  private Jdbi jdbi;

  @Override
  Jdbi jdbi() {
    jdbi = TestDatabases.sqlite(dir);
    return jdbi;
  }

  @Test
  void connectionsUseWalForeignKeysAndABusyTimeout() {
    jdbi.useHandle(
        h -> {
          assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one())
              .isEqualToIgnoringCase("wal");
          assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
          assertThat(h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one())
              .isGreaterThanOrEqualTo(5000);
        });
  }
}
