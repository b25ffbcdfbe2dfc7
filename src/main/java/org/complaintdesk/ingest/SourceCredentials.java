package org.complaintdesk.ingest;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.complaintdesk.common.Network;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials of sources set over the API: write-only, encrypted at rest with Tink's AES-GCM AEAD
 * (key {@code ingest.secretKey}, i.e. {@code CD_SECRET_KEY}), with the source name and field as
 * associated data so a ciphertext cannot be moved to another source. A write replaces the field on
 * the live {@link SourceConfiguration} the network client reads, so the next poll uses it. Values
 * never leave this class except into that configuration: the API and the audit trail only ever see
 * field names.
 */
public final class SourceCredentials {
  private static final Logger LOG = LoggerFactory.getLogger(SourceCredentials.class);

  /** A credential field of {@link SourceConfiguration}: how to read and replace it. */
  record Field(
      String name,
      Function<SourceConfiguration, String> get,
      BiConsumer<SourceConfiguration, String> set) {}

  private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

  static {
    for (Field f :
        List.of(
            new Field("token", c -> c.token, (c, v) -> c.token = v),
            new Field("password", c -> c.password, (c, v) -> c.password = v),
            new Field("consumerKey", c -> c.consumerKey, (c, v) -> c.consumerKey = v),
            new Field("consumerSecret", c -> c.consumerSecret, (c, v) -> c.consumerSecret = v),
            new Field("accessToken", c -> c.accessToken, (c, v) -> c.accessToken = v),
            new Field(
                "accessTokenSecret", c -> c.accessTokenSecret, (c, v) -> c.accessTokenSecret = v),
            new Field("webhookSecret", c -> c.webhookSecret, (c, v) -> c.webhookSecret = v))) {
      FIELDS.put(f.name(), f);
    }
  }

  /** Friendlier names for the same fields (what each network calls them). */
  private static final Map<String, String> ALIASES =
      Map.of("appPassword", "password", "clientSecret", "password");

  /** The fields each network's client uses. */
  static List<String> fieldsOf(Network network) {
    return switch (network) {
      case MASTODON -> List.of("token");
      case X ->
          List.of("token", "consumerKey", "consumerSecret", "accessToken", "accessTokenSecret");
      case BLUESKY -> List.of("password");
      case REDDIT -> List.of("password", "token");
      case WEBHOOK -> List.of("webhookSecret");
      default -> List.of();
    };
  }

  /** A refused write: the message is safe to show (it never contains a value). */
  public static final class Refused extends Exception {
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Jdbi jdbi;
  private final Aead aead;
  private final Clock clock;
  private final Map<String, SourceConfiguration> sources = new ConcurrentHashMap<>();
  private final Map<String, BiConsumer<String, String>> listeners = new ConcurrentHashMap<>();

  /**
   * @param base64Key the AES key (16 or 32 bytes, base64); null or blank: credential writes are
   *     refused and nothing stored is read
   */
  public SourceCredentials(Jdbi jdbi, String base64Key, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.aead = base64Key == null || base64Key.isBlank() ? null : aead(base64Key.strip());
  }

  private static Aead aead(String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ingest.secretKey (CD_SECRET_KEY) is not valid base64");
    }
    if (key.length != 16 && key.length != 32) {
      throw new IllegalArgumentException(
          "ingest.secretKey (CD_SECRET_KEY) must be 16 or 32 bytes, base64-encoded");
    }
    try {
      return new AesGcmJce(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Makes a source's live configuration known, applying any stored override to it. */
  void register(SourceConfiguration config) {
    sources.put(config.name, config);
    if (aead == null) {
      return;
    }
    for (var row : jdbi.onDemand(CredentialDao.class).all()) {
      Field field = FIELDS.get(row.field());
      if (!row.sourceName().equals(config.name) || field == null) {
        continue;
      }
      try {
        field.set().accept(config, decrypt(row));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // A changed key: the configured value stays; say so without any value.
        LOG.error(
            "Stored {} of source '{}' cannot be decrypted with the current key; using config",
            row.field(),
            row.sourceName());
      }
    }
  }

  /** Called with (source name, field) after a write, e.g. to re-key a webhook. */
  void onChange(String sourceName, BiConsumer<String, String> listener) {
    listeners.put(sourceName, listener);
  }

  /** The credential fields of a source that have a value (from config or the API), never values. */
  public Set<String> fieldsSet(String sourceName) {
    SourceConfiguration config = sources.get(sourceName);
    Set<String> set = new TreeSet<>();
    if (config != null) {
      for (String name : fieldsOf(config.network)) {
        String value = FIELDS.get(name).get().apply(config);
        if (value != null && !value.isBlank()) {
          set.add(name);
        }
      }
    }
    return set;
  }

  public boolean known(String sourceName) {
    return sources.containsKey(sourceName);
  }

  /**
   * Encrypts, stores and applies the given fields; returns the canonical names written.
   *
   * @throws Refused 404 unknown source, 409 no key configured, 422 unknown/blank/unused fields
   */
  public Set<String> write(String sourceName, Map<String, String> values, String actor)
      throws Refused {
    SourceConfiguration config = sources.get(sourceName);
    if (config == null) {
      throw new Refused(404, "no configured source '" + sourceName + "'");
    }
    if (aead == null) {
      throw new Refused(
          409,
          "credentials cannot be stored: no encryption key is configured"
              + " (set CD_SECRET_KEY / ingest.secretKey to a base64 AES key)");
    }
    List<String> accepted = fieldsOf(config.network);
    if (values == null || values.isEmpty()) {
      throw new Refused(422, "no credential fields given; " + config.name + " takes " + accepted);
    }
    Map<String, String> canonical = new LinkedHashMap<>();
    for (var e : values.entrySet()) {
      String name = ALIASES.getOrDefault(e.getKey(), e.getKey());
      if (!accepted.contains(name)) {
        throw new Refused(
            422,
            "'"
                + e.getKey()
                + "' is not a credential of a "
                + config.network.key()
                + " source;"
                + " it takes "
                + accepted);
      }
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new Refused(422, "'" + e.getKey() + "' must not be blank");
      }
      canonical.put(name, e.getValue().strip());
    }
    var now = clock.instant();
    try {
      jdbi.useTransaction(
          h -> {
            var dao = h.attach(CredentialDao.class);
            for (var e : canonical.entrySet()) {
              String sealed = encrypt(sourceName, e.getKey(), e.getValue());
              dao.upsert(sourceName, e.getKey(), sealed, now, actor);
            }
          });
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("credential encryption failed", e);
    }
    for (var e : canonical.entrySet()) {
      FIELDS.get(e.getKey()).set().accept(config, e.getValue());
      var listener = listeners.get(sourceName);
      if (listener != null) {
        listener.accept(e.getKey(), e.getValue());
      }
    }
    LOG.info(
        "{} changed credentials of source '{}': {} (values not logged)",
        actor,
        sourceName,
        canonical.keySet());
    return new TreeSet<>(canonical.keySet());
  }

  private String encrypt(String source, String field, String value)
      throws GeneralSecurityException {
    byte[] sealed = aead.encrypt(value.getBytes(StandardCharsets.UTF_8), associated(source, field));
    return Base64.getEncoder().encodeToString(sealed);
  }

  private String decrypt(CredentialDao.Row row) throws GeneralSecurityException {
    byte[] plain =
        aead.decrypt(
            Base64.getDecoder().decode(row.ciphertext()),
            associated(row.sourceName(), row.field()));
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static byte[] associated(String source, String field) {
    return ("complaint-desk/source-credential/" + source + "/" + field)
        .getBytes(StandardCharsets.UTF_8);
  }
}
