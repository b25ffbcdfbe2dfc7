package org.complaintdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An up-to-date schema is recognised without starting Liquibase; anything else still migrates. */
class MigrationsTest {
  @TempDir Path dir;

  @Test
  void secondMigrationOfAnUnchangedChangelogIsSkippedAndAChangedFingerprintMigratesAgain() {
    Jdbi jdbi = DatabaseSetup.configure(Jdbi.create("jdbc:sqlite:" + dir.resolve("m.db")));
    assertThat(migrate(jdbi)).isTrue();
    assertThat(migrate(jdbi)).isFalse();

    jdbi.useHandle(h -> h.execute("UPDATE schema_fingerprint SET fingerprint = 'older'"));
    assertThat(migrate(jdbi)).isTrue();
    Long cases =
        jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cases").mapTo(Long.class).one());
    assertThat(cases).isZero();
    assertThat(Migrations.fingerprint()).hasSize(64).isEqualTo(Migrations.fingerprint());
  }

  private static boolean migrate(Jdbi jdbi) {
    Boolean ran = jdbi.withHandle(h -> Migrations.migrate(h.getConnection()));
    return ran;
  }
}
