package org.complaintdesk.testing;

import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.jackson.JacksonFeature;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.complaintdesk.ComplaintDeskConfiguration;

/**
 * The whole application on a random port with a fresh SQLite file, plus a small HTTP client that
 * logs in as the demo users. Use as {@code @RegisterExtension static final TestApp APP = ...}.
 */
public final class TestApp {
  public static final String ADMIN = "admin";
  public static final String RESPONDER = "responder";
  public static final String MARKETER = "marketer";
  private static final Map<String, String> PASSWORDS =
      Map.of(
          ADMIN, "admin-test-pass",
          RESPONDER, "responder-test-pass",
          MARKETER, "marketer-test-pass");

  /**
   * A plain client (HttpURLConnection): unlike the extension's Apache client it keeps no cookies
   * (so a login's session cookie never rides along with later "anonymous" or bearer requests) and
   * never retries on 429/503 after the server's Retry-After.
   */
  private static final Client CLIENT =
      ClientBuilder.newClient().register(new JacksonFeature(Jackson.newObjectMapper()));

  private TestApp() {}

  public static Client client() {
    return CLIENT;
  }

  /** An app whose demo source emits {@code postsPerPoll} posts a poll (0 turns the demo off). */
  public static DropwizardAppExtension<ComplaintDeskConfiguration> create(
      int postsPerPoll, ConfigOverride... extra) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.config("database.url", "jdbc:sqlite:" + tempDatabase()));
    overrides.add(ConfigOverride.config("demo.enabled", Boolean.toString(postsPerPoll > 0)));
    overrides.add(
        ConfigOverride.config("demo.postsPerPoll", Integer.toString(Math.max(1, postsPerPoll))));
    overrides.addAll(List.of(extra));
    return new DropwizardAppExtension<>(
        TestApplication.class,
        ResourceHelpers.resourceFilePath("test-config.yml"),
        overrides.toArray(ConfigOverride[]::new));
  }

  /**
   * Like {@link #create} with extra YAML appended to the test configuration (for lists such as
   * {@code sources:}, which config overrides cannot add to).
   */
  public static DropwizardAppExtension<ComplaintDeskConfiguration> createWithYaml(
      int postsPerPoll, String extraYaml, ConfigOverride... extra) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.config("database.url", "jdbc:sqlite:" + tempDatabase()));
    overrides.add(ConfigOverride.config("demo.enabled", Boolean.toString(postsPerPoll > 0)));
    overrides.add(
        ConfigOverride.config("demo.postsPerPoll", Integer.toString(Math.max(1, postsPerPoll))));
    overrides.addAll(List.of(extra));
    try {
      Path config = Files.createTempFile("complaint-desk-config", ".yml");
      config.toFile().deleteOnExit();
      Files.writeString(
          config,
          Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
              + "\n"
              + extraYaml);
      return new DropwizardAppExtension<>(
          TestApplication.class, config.toString(), overrides.toArray(ConfigOverride[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code X-Signature-256} value a webhook sender computes for a body. */
  public static String sign(String body, String secret) {
    try {
      var mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Posts a body to a webhook path of the app, signed when {@code signature} is not null. */
  public static Response hook(
      DropwizardAppExtension<?> app, String path, String body, String signature) {
    var request = CLIENT.target(url(app, path)).request();
    if (signature != null) {
      request = request.header("X-Signature-256", signature);
    }
    return request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
  }

  public static Path tempDatabase() {
    try {
      Path dir = Files.createTempDirectory("complaint-desk-test");
      dir.toFile().deleteOnExit();
      return dir.resolve("test.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String password(String user) {
    return PASSWORDS.get(user);
  }

  /** Logs in through the API and returns the bearer token. */
  public static String login(DropwizardAppExtension<?> app, String user) {
    try (Response r =
        CLIENT
            .target(url(app, "/api/login"))
            .request()
            .post(Entity.json(Map.of("username", user, "password", PASSWORDS.get(user))))) {
      if (r.getStatus() != 200) {
        throw new IllegalStateException("login as " + user + " failed: " + r.getStatus());
      }
      return (String) r.readEntity(Map.class).get("token");
    }
  }

  public static String url(DropwizardAppExtension<?> app, String path) {
    return "http://127.0.0.1:" + app.getLocalPort() + path;
  }

  /** A request as the given user (null for anonymous). */
  public static Invocation.Builder as(DropwizardAppExtension<?> app, String token, String path) {
    var builder = CLIENT.target(url(app, path)).request(MediaType.APPLICATION_JSON_TYPE);
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  /**
   * Polls {@code GET path} as the given user until its {@code items} has at least {@code min}
   * entries (the pipeline works in the background), and returns them.
   */
  public static com.fasterxml.jackson.databind.JsonNode awaitItems(
      DropwizardAppExtension<?> app,
      String token,
      String path,
      int min,
      java.time.Duration within) {
    return org.awaitility.Awaitility.await()
        .atMost(within)
        .pollInterval(java.time.Duration.ofMillis(250))
        .until(
            () ->
                as(app, token, path)
                    .get(com.fasterxml.jackson.databind.JsonNode.class)
                    .path("items"),
            items -> items.size() >= min);
  }

  /** The JSON body of an SLA policy with only a first-response target, for every case. */
  public static Map<String, Object> firstResponsePolicy(String name, int position, int minutes) {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("name", name);
    body.put("position", position);
    body.put("firstResponseMinutes", minutes);
    body.put("warnPercent", 80);
    body.put("actions", List.of());
    return body;
  }

  /** POSTs a JSON body as the given user and returns the created item's id. */
  public static long createdId(
      DropwizardAppExtension<?> app, String token, String path, Map<String, Object> body) {
    return as(app, token, path)
        .post(Entity.json(body), com.fasterxml.jackson.databind.JsonNode.class)
        .get("id")
        .asLong();
  }
}
