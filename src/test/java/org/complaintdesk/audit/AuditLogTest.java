package org.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jackson.Jackson;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestApplication;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  record Admin(String name, long id) implements Principal, AuditLog.HasId {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public long auditId() {
      return id;
    }
  }

  /** A network credential as another feature might pass it: nested, in a list, oddly named. */
  record Credentials(String handle, String accessToken, Map<String, Object> extra) {}

  @Test
  void secretsAreRedactedWhereverTheyAreNestedAndEntriesComeBackNewestFirst() {
    var clock = new MutableClock(TestApplication.START);
    var audit = new AuditLog(TestDatabases.sqlite(dir), Jackson.newObjectMapper(), clock);
    audit.record(null, "source.created", "source:1", null, Map.of("name", "mastodon"));
    clock.advance(Duration.ofMinutes(1));
    audit.record(
        new Admin("root", 7),
        "source.credentials_set",
        "source:1",
        new Credentials("@brand", "old-s3cr3t-token", Map.of()),
        new Credentials(
            "@brand",
            "new-s3cr3t-token",
            Map.of(
                "webhookSecret",
                "hook-s3cr3t",
                "items",
                List.of(Map.of("appPassword", "pw-s3cr3t")))));

    var page = audit.list(null, null, 10, 0);
    assertThat(page.items()).hasSize(2);
    var latest = page.items().get(0);
    assertThat(latest.action()).isEqualTo("source.credentials_set");
    assertThat(latest.actor()).isEqualTo("root");
    assertThat(latest.actorId()).isEqualTo(7L);
    assertThat(latest.occurredAt()).isEqualTo(TestApplication.START.plus(Duration.ofMinutes(1)));
    assertThat(latest.before() + latest.after())
        .contains("@brand", AuditLog.REDACTED)
        .doesNotContain("s3cr3t");
    assertThat(page.items().get(1).actor()).isEqualTo("system");
    assertThat(audit.list("source", null, 10, 0).items()).hasSize(2);
    assertThat(audit.list("source.created", null, 10, 0).items()).hasSize(1);
    assertThat(audit.list(null, "root", 10, 0).items()).hasSize(1);
    assertThat(audit.list(null, null, 1, 0).hasMore()).isTrue();
  }

  @Test
  void filtersByTimeRangeActorAndPrefixWithPagingOnSqlite() {
    timeRangeAndPaging(TestDatabases.sqlite(dir));
  }

  @Test
  void filtersByTimeRangeActorAndPrefixWithPagingOnPostgres() {
    var schema = TestDatabases.postgres();
    try {
      timeRangeAndPaging(schema.jdbi());
    } finally {
      schema.drop().run();
    }
  }

  private void timeRangeAndPaging(org.jdbi.v3.core.Jdbi jdbi) {
    var clock = new MutableClock(TestApplication.START);
    var audit = new AuditLog(jdbi, Jackson.newObjectMapper(), clock);
    var root = new Admin("root", 1);
    var ana = new Admin("ana", 2);
    for (int i = 0; i < 5; i++) {
      audit.record(
          i % 2 == 0 ? root : ana, "routing.rule_saved", "rule:" + i, null, Map.of("i", i));
      clock.advance(Duration.ofHours(1));
    }
    audit.record(root, "sla.policy_saved", "policy:1", null, Map.of());
    var t0 = TestApplication.START;

    // from inclusive, to exclusive: hours 1, 2 and 3.
    var window = audit.list(null, null, t0.plusSeconds(3600), t0.plusSeconds(4 * 3600), 10, 0);
    assertThat(window.items())
        .extracting(AuditEntry::target)
        .containsExactly("rule:3", "rule:2", "rule:1");
    assertThat(audit.list(null, null, t0.plusSeconds(5 * 3600), null, 10, 0).items())
        .extracting(AuditEntry::action)
        .containsExactly("sla.policy_saved");
    assertThat(audit.list(null, null, null, t0.plusSeconds(1), 10, 0).items())
        .extracting(AuditEntry::target)
        .containsExactly("rule:0");
    // Everything together: prefix "routing", actor root, in the first four hours.
    assertThat(audit.list("routing", "root", t0, t0.plusSeconds(4 * 3600), 10, 0).items())
        .extracting(AuditEntry::target)
        .containsExactly("rule:2", "rule:0");
    // "rout" is no prefix of a dotted action name.
    assertThat(audit.list("rout", null, null, null, 10, 0).items()).isEmpty();
    // Paging: 6 entries in pages of 4.
    var first = audit.list(null, null, null, null, 4, 0);
    var second = audit.list(null, null, null, null, 4, 4);
    assertThat(first.items()).hasSize(4);
    assertThat(first.hasMore()).isTrue();
    assertThat(second.items()).extracting(AuditEntry::target).containsExactly("rule:1", "rule:0");
    assertThat(second.hasMore()).isFalse();
  }
}
