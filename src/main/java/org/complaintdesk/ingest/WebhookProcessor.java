package org.complaintdesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.complaintdesk.common.Network;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound webhook: checks the HMAC-SHA256 signature over the raw body, stores the delivery
 * (deduplicated on the sender's event id) and answers at once; a worker thread then turns stored
 * deliveries into mentions through the same {@link IngestService} as the pollers. Deliveries are in
 * the database before the 2xx, so a crash in between loses nothing: the worker picks up unprocessed
 * ones on start.
 *
 * <p>Body: {@code {"eventId","author","text", "externalId"?, "authorName"?, "followers"?,
 * "language"?, "url"?, "postedAt"? (ISO-8601)}}.
 */
public class WebhookProcessor implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);
  public static final String SIGNATURE_HEADER = "X-Signature-256";

  private final Jdbi jdbi;
  private final IngestService ingest;
  private final ObjectMapper json;
  private final Clock clock;
  private final java.util.Map<String, Hook> hooks;
  private ScheduledExecutorService executor;

  /** A configured webhook source; the secret never leaves this object. */
  record Hook(long sourceId, byte[] secret) {}

  public WebhookProcessor(
      Jdbi jdbi,
      IngestService ingest,
      ObjectMapper json,
      Clock clock,
      java.util.Map<String, Hook> hooks) {
    this.jdbi = jdbi;
    this.ingest = ingest;
    this.json = json;
    this.clock = clock;
    this.hooks = new java.util.concurrent.ConcurrentHashMap<>(hooks);
  }

  /**
   * A new secret for a webhook source (set over the API): deliveries are checked with it at once.
   */
  void rekey(String source, String secret) {
    hooks.computeIfPresent(source, (name, old) -> hook(old.sourceId(), secret));
  }

  static Hook hook(long sourceId, String secret) {
    return new Hook(sourceId, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** What became of a delivery. */
  public enum Outcome {
    ACCEPTED,
    DUPLICATE
  }

  public boolean knows(String source) {
    return hooks.containsKey(source);
  }

  /** Constant-time check of {@code sha256=<hex>} against HMAC-SHA256(secret, raw body). */
  public boolean verify(String source, byte[] body, String signature) {
    Hook hook = hooks.get(source);
    if (hook == null || signature == null) {
      return false;
    }
    String hex = signature.strip();
    if (hex.startsWith("sha256=")) {
      hex = hex.substring(7);
    }
    byte[] given;
    try {
      given = java.util.HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return java.security.MessageDigest.isEqual(hmac(hook.secret(), body), given);
  }

  static byte[] hmac(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stores a verified delivery.
   *
   * @throws IllegalArgumentException when the body is not a usable event (the message says why)
   */
  public Outcome accept(String source, byte[] body) {
    Hook hook = hooks.get(source);
    JsonNode event = parse(body);
    toMention(event); // validate now, so the sender hears about a bad event
    String eventId = event.path("eventId").asText();
    int inserted =
        jdbi.onDemand(InboundEventDao.class)
            .insert(
                hook.sourceId(),
                eventId,
                new String(body, StandardCharsets.UTF_8),
                clock.instant());
    if (inserted == 0) {
      return Outcome.DUPLICATE;
    }
    if (executor != null) {
      executor.execute(this::drain);
    }
    return Outcome.ACCEPTED;
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode event = json.readTree(body);
      if (event == null || !event.isObject()) {
        throw new IllegalArgumentException("the body must be a JSON object");
      }
      if (event.path("eventId").asText("").isBlank()) {
        throw new IllegalArgumentException("eventId is required");
      }
      return event;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the body is not valid JSON");
    }
  }

  IncomingMention toMention(JsonNode e) {
    Instant posted = clock.instant();
    if (e.hasNonNull("postedAt")) {
      try {
        posted = Instant.parse(e.path("postedAt").asText());
      } catch (DateTimeParseException ex) {
        throw new IllegalArgumentException("postedAt must be an ISO-8601 instant");
      }
    }
    String externalId = e.path("externalId").asText(e.path("eventId").asText());
    return new IncomingMention(
        Network.WEBHOOK,
        externalId,
        e.path("author").asText(null),
        e.path("authorName").asText(null),
        e.hasNonNull("followers") ? e.path("followers").asLong() : null,
        e.path("text").asText(""),
        e.path("language").asText(null),
        e.path("url").asText(null),
        posted,
        e.toString());
  }

  /** Processes stored deliveries; each in its own transaction with the mention upsert. */
  public synchronized int drain() {
    int done = 0;
    var dao = jdbi.onDemand(InboundEventDao.class);
    while (true) {
      List<InboundEvent> batch = dao.pending(100);
      if (batch.isEmpty()) {
        return done;
      }
      for (InboundEvent event : batch) {
        String error = null;
        try {
          var mention = toMention(json.readTree(event.body()));
          String cursor = ingest.source(event.sourceId()).map(Source::cursor).orElse(null);
          ingest.ingest(event.sourceId(), new FetchResult(List.of(mention), cursor));
        } catch (Exception e) {
          error = e.getClass().getSimpleName() + ": " + e.getMessage();
          ingest.recordFailure(event.sourceId(), e);
          LOG.warn("Webhook event {} could not be processed: {}", event.eventId(), error);
        }
        dao.markProcessed(event.id(), clock.instant(), error);
        done++;
      }
    }
  }

  @Override
  public void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "webhook-processor");
              t.setDaemon(true);
              return t;
            });
    // Also a sweep, for deliveries stored just before a crash.
    executor.scheduleWithFixedDelay(this::safeDrain, 0, 5, TimeUnit.SECONDS);
  }

  private void safeDrain() {
    try {
      drain();
    } catch (RuntimeException e) {
      LOG.error("Webhook processing failed", e);
    }
  }

  @Override
  public void stop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  Optional<Hook> hookFor(String source) {
    return Optional.ofNullable(hooks.get(source));
  }
}
