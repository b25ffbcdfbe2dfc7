package org.complaintdesk.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.complaintdesk.keywords.Keyword;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.trends.PhraseService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the current (possibly partial) hour of every keyword, and of every keyword and network,
 * against the previous {@code windowHours} complete hours from the trend rollups, and fires volume
 * and negativity alerts (see {@link SpikeMath}). A fired alert is stored (the dashboard and GET
 * /api/alerts), then delivered to every channel; the same kind for the same keyword and network
 * stays quiet for the cooldown. Runs on its own thread every {@code tickSeconds}; tests call {@link
 * #tick()} with an injected clock.
 */
public class AlertDetector implements Managed {
  static final String VOLUME = "volume";
  static final String NEGATIVITY = "negativity";
  private static final Logger LOG = LoggerFactory.getLogger(AlertDetector.class);
  private static final long HOUR_MS = Duration.ofHours(1).toMillis();

  private final Jdbi jdbi;
  private final KeywordService keywords;
  private final PhraseService phrases;
  private final List<AlertChannel> channels;
  private final AlertsConfiguration config;
  private final ObjectMapper json;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  public AlertDetector(
      Jdbi jdbi,
      KeywordService keywords,
      PhraseService phrases,
      List<AlertChannel> channels,
      AlertsConfiguration config,
      ObjectMapper json,
      Clock clock) {
    this.jdbi = jdbi;
    this.keywords = keywords;
    this.phrases = phrases;
    this.channels = List.copyOf(channels);
    this.config = config;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "spike-alerts");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        this::safeTick, config.tickSeconds, config.tickSeconds, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      // an uncaught exception would cancel the schedule
      LOG.warn("Spike detection failed; will retry next tick", e);
    }
  }

  /** One detection pass at the clock's current time; returns the alerts it fired. */
  public List<Alert> tick() {
    Instant now = clock.instant();
    long current = Math.floorDiv(now.toEpochMilli(), HOUR_MS) * HOUR_MS;
    long from = current - config.windowHours * HOUR_MS;
    var dao = jdbi.onDemand(AlertDao.class);
    // series key (keyword|network, network "" = all) -> hour index -> {volume, negative}
    Map<String, long[][]> series = new TreeMap<>();
    int hours = config.windowHours + 1;
    for (var c : dao.hourCounts(from, current + HOUR_MS)) {
      int idx = (int) ((c.bucketStart() - from) / HOUR_MS);
      add(series, c.keywordId() + "|", hours, idx, c);
      if (config.perNetwork) {
        add(series, c.keywordId() + "|" + c.network(), hours, idx, c);
      }
    }
    Map<Long, Keyword> byId = new HashMap<>();
    keywords.list().forEach(k -> byId.put(k.id(), k));
    List<Alert> fired = new ArrayList<>();
    for (var e : series.entrySet()) {
      String[] key = e.getKey().split("\\|", -1);
      long keywordId = Long.parseLong(key[0]);
      String network = key[1];
      long[][] s = e.getValue();
      long[] baseVolume = new long[config.windowHours];
      long baseTotal = 0;
      long baseNegative = 0;
      for (int i = 0; i < config.windowHours; i++) {
        baseVolume[i] = s[i][0];
        baseTotal += s[i][0];
        baseNegative += s[i][1];
      }
      long volume = s[config.windowHours][0];
      long negative = s[config.windowHours][1];
      if (volume < config.minVolume) {
        continue;
      }
      double median = SpikeMath.median(baseVolume);
      double vz = SpikeMath.volumeScore(volume, baseVolume);
      if (vz >= config.sensitivity) {
        fire(dao, VOLUME, keywordId, network, current, now, volume, volume, median, vz, byId)
            .ifPresent(fired::add);
      }
      if (baseTotal > 0) {
        double p0 = (double) baseNegative / baseTotal;
        double p = (double) negative / volume;
        double nz = SpikeMath.negativityScore(negative, volume, p0);
        if (nz >= config.sensitivity && p - p0 >= config.minNegativeShareIncrease) {
          fire(dao, NEGATIVITY, keywordId, network, current, now, volume, p, p0, nz, byId)
              .ifPresent(fired::add);
        }
      }
    }
    fired.forEach(this::deliver);
    return fired;
  }

  private static void add(
      Map<String, long[][]> series, String key, int hours, int idx, AlertDao.HourCount c) {
    long[][] s = series.computeIfAbsent(key, k -> new long[hours][2]);
    s[idx][0] += c.volume();
    s[idx][1] += c.negative();
  }

  private java.util.Optional<Alert> fire(
      AlertDao dao,
      String kind,
      long keywordId,
      String network,
      long bucket,
      Instant now,
      long volume,
      double observed,
      double expected,
      double score,
      Map<Long, Keyword> byId) {
    var last = dao.lastFired(kind, keywordId, network);
    if (last.isPresent()
        && last.get().isAfter(now.minus(Duration.ofMinutes(config.cooldownMinutes)))) {
      return java.util.Optional.empty();
    }
    Instant bucketStart = Instant.ofEpochMilli(bucket);
    Instant bucketEnd = bucketStart.plus(Duration.ofHours(1));
    var posts =
        dao.posts(
            keywordId, network, bucketStart, bucketEnd, kind.equals(NEGATIVITY), config.examples);
    List<String> top =
        phrases
            .top(
                bucketStart,
                bucketEnd,
                new PhraseService.Filter(
                    List.of(keywordId), null, network.isEmpty() ? null : network, null),
                config.examples,
                0)
            .phrases()
            .stream()
            .map(p -> p.phrase())
            .toList();
    String message = AlertText.message(kind, volume, observed, expected, score);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("posts", posts);
    details.put("phrases", top);
    long id =
        dao.insert(
            kind,
            keywordId,
            network,
            bucketStart,
            now,
            observed,
            expected,
            score,
            volume,
            message,
            write(details));
    Keyword k = byId.get(keywordId);
    LOG.info("Spike alert {} {} for keyword {} {}", id, kind, keywordId, message);
    return java.util.Optional.of(
        new Alert(
            id,
            kind,
            keywordId,
            k == null ? "keyword " + keywordId : k.term(),
            network.isEmpty() ? null : network,
            bucketStart,
            now,
            observed,
            expected,
            score,
            volume,
            message,
            posts,
            top,
            Map.of()));
  }

  private void deliver(Alert alert) {
    Map<String, String> outcome = new LinkedHashMap<>();
    outcome.put("dashboard", "stored");
    for (AlertChannel channel : channels) {
      try {
        channel.deliver(alert);
        outcome.put(channel.name(), "sent");
      } catch (Exception e) {
        LOG.warn("Alert {} not delivered by {}: {}", alert.id(), channel.name(), e.toString());
        outcome.put(channel.name(), "failed: " + e.getClass().getSimpleName());
      }
    }
    jdbi.useExtension(AlertDao.class, d -> d.setDelivery(alert.id(), write(outcome)));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
