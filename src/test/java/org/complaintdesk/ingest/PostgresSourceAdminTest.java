package org.complaintdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.complaintdesk.common.Network;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same credential upsert and admin pause SQL on PostgreSQL (skips without a server). */
class PostgresSourceAdminTest {
  TestDatabases.PostgresSchema schema;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @BeforeEach
  void setUp() {
    schema = TestDatabases.postgres();
  }

  @AfterEach
  void tearDown() {
    if (schema != null) {
      schema.drop().run();
    }
  }

  @Test
  void credentialsAreUpsertedAndReappliedAndPauseRoundTrips() throws Exception {
    var sc = SourceCredentialsTest.bluesky();
    var credentials = new SourceCredentials(schema.jdbi(), SourceCredentialsTest.KEY, clock);
    credentials.register(sc);
    credentials.write("bsky", Map.of("password", "first"), "admin");
    credentials.write("bsky", Map.of("appPassword", "second"), "admin"); // same row, replaced
    var restarted = SourceCredentialsTest.bluesky();
    new SourceCredentials(schema.jdbi(), SourceCredentialsTest.KEY, clock).register(restarted);
    assertThat(restarted.password).isEqualTo("second");
    int rows =
        schema
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM source_credentials")
                        .mapTo(int.class)
                        .one());
    assertThat(rows).isEqualTo(1);

    var ingest = new IngestService(schema.jdbi(), new KeywordService(schema.jdbi(), clock), clock);
    ingest.registerSource("bsky", Network.BLUESKY, null, true);
    assertThat(ingest.sourceByName("bsky").orElseThrow().adminPaused()).isFalse();
    ingest.setAdminPaused("bsky", true);
    assertThat(ingest.sourceByName("bsky").orElseThrow().adminPaused()).isTrue();
  }
}
