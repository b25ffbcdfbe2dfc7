package org.complaintdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.complaintdesk.common.Network;
import org.complaintdesk.testing.MutableClock;
import org.complaintdesk.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials set over the API: encrypted at rest, applied live, refused without a key. */
class SourceCredentialsTest {
  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[16]);
  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  Jdbi jdbi;

  @BeforeEach
  void setUp() {
    jdbi = TestDatabases.sqlite(dir);
  }

  static SourceConfiguration bluesky() {
    var sc = new SourceConfiguration();
    sc.name = "bsky";
    sc.network = Network.BLUESKY;
    sc.username = "nimbus.bsky.social";
    sc.password = "configured-password";
    return sc;
  }

  @Test
  void storedEncryptedAppliedLiveAndReappliedAfterARestart() throws Exception {
    var sc = bluesky();
    var credentials = new SourceCredentials(jdbi, KEY, clock);
    credentials.register(sc);
    assertThat(credentials.fieldsSet("bsky")).containsExactly("password");

    var written = credentials.write("bsky", Map.of("appPassword", "app-pass-xyz"), "admin");

    assertThat(written).containsExactly("password");
    assertThat(sc.password).isEqualTo("app-pass-xyz"); // the live client config
    String stored =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT ciphertext FROM source_credentials")
                    .mapTo(String.class)
                    .one());
    assertThat(stored).doesNotContain("app-pass-xyz");
    assertThat(new String(Base64.getDecoder().decode(stored), "ISO-8859-1"))
        .doesNotContain("app-pass-xyz");

    var restarted = bluesky();
    new SourceCredentials(jdbi, KEY, clock).register(restarted);
    assertThat(restarted.password).isEqualTo("app-pass-xyz");

    var otherKey = bluesky();
    new SourceCredentials(jdbi, OTHER_KEY, clock).register(otherKey);
    assertThat(otherKey.password).isEqualTo("configured-password"); // undecryptable: config stays
  }

  @Test
  void withoutAKeyWritesAreRefusedWith409() {
    var credentials = new SourceCredentials(jdbi, "", clock);
    credentials.register(bluesky());
    assertThatThrownBy(() -> credentials.write("bsky", Map.of("password", "p"), "admin"))
        .isInstanceOfSatisfying(
            SourceCredentials.Refused.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage()).contains("CD_SECRET_KEY");
            });
  }

  @Test
  void fieldsTheNetworkDoesNotUseAreRefused() {
    var credentials = new SourceCredentials(jdbi, KEY, clock);
    credentials.register(bluesky());
    assertThatThrownBy(() -> credentials.write("bsky", Map.of("token", "t"), "admin"))
        .isInstanceOfSatisfying(
            SourceCredentials.Refused.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void aMalformedKeyFailsAtStartUp() {
    assertThatThrownBy(() -> new SourceCredentials(jdbi, "not base64!", clock))
        .hasMessageContaining("CD_SECRET_KEY");
    assertThatThrownBy(
            () ->
                new SourceCredentials(jdbi, Base64.getEncoder().encodeToString(new byte[5]), clock))
        .hasMessageContaining("16 or 32 bytes");
  }
}
