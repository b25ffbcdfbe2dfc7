package org.complaintdesk.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.IngestService;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionFilter;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentService;
import org.complaintdesk.testing.MutableClock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rollups must always equal a from-scratch recount of the raw mentions, whatever the order of
 * inserts, first scores, re-scores (label, detractor and language may all change) and late
 * arrivals. Run on SQLite and PostgreSQL.
 */
abstract class TrendRollupContract {
  static final Instant T0 = Instant.parse("2026-03-29T00:30:00Z");

  /** The recount: what the rollup table must contain, computed from raw mentions. */
  static final String RECOUNT =
      """
      SELECT (posted_at / 3600000) * 3600000 AS bucket_start, COALESCE(keyword_id, 0) AS keyword_id,
        network, COALESCE(language, '') AS language,
        CASE WHEN sentiment_status = 'scored' AND sentiment_label IS NOT NULL
          THEN sentiment_label ELSE sentiment_status END AS label,
        COUNT(*) AS volume, SUM(CASE WHEN detractor THEN 1 ELSE 0 END) AS detractors
      FROM mentions WHERE sentiment_status <> 'pending'
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      """;

  /** What trend_rollup_kh must contain: per UTC hour, keyword and label. */
  static final String KH_RECOUNT =
      """
      SELECT (posted_at / 3600000) * 3600000, COALESCE(keyword_id, 0),
        CASE WHEN sentiment_status = 'scored' AND sentiment_label IS NOT NULL
          THEN sentiment_label ELSE sentiment_status END,
        COUNT(*), SUM(CASE WHEN detractor THEN 1 ELSE 0 END)
      FROM mentions WHERE sentiment_status <> 'pending'
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      """;

  /** What trend_rollup_day must contain: per UTC day, keyword and label. */
  static final String DAY_RECOUNT = KH_RECOUNT.replace("3600000", "86400000");

  MutableClock clock;
  Jdbi jdbi;
  IngestService ingest;
  MentionService mentions;
  SentimentService sentiment;
  TrendRollups rollups;
  long sourceId;

  abstract Jdbi jdbi();

  @BeforeEach
  void wire() {
    clock = new MutableClock(T0);
    jdbi = jdbi();
    var keywords = new KeywordService(jdbi, clock);
    keywords.add("Acme", "acme");
    keywords.add("Globex", "globex");
    ingest = new IngestService(jdbi, keywords, clock);
    mentions = new MentionService(jdbi);
    sentiment =
        new SentimentService(
            jdbi, mentions, io.dropwizard.jackson.Jackson.newObjectMapper(), clock);
    rollups = new TrendRollups(jdbi);
    sentiment.addChangeListener(rollups);
    sourceId = ingest.registerSource("fake", Network.MASTODON, "Acme", true).id();
  }

  @Test
  void rollupsEqualARecountAfterRandomInsertsRescoresAndLateArrivals() {
    for (long seed = 1; seed <= 2; seed++) {
      Random random = new Random(seed);
      List<Long> scored = new ArrayList<>();
      int next = 0;
      for (int step = 0; step < 100; step++) {
        clock.advance(Duration.ofMinutes(random.nextInt(90)));
        int op = random.nextInt(10);
        if (op < 3) {
          // New posts; a third of them "late": posted up to 10 days before they arrive.
          List<IncomingMention> batch = new ArrayList<>();
          for (int i = random.nextInt(4); i >= 0; i--) {
            boolean late = random.nextInt(3) == 0;
            Instant posted =
                clock
                    .instant()
                    .minus(Duration.ofMinutes(late ? random.nextInt(14_400) : random.nextInt(5)));
            batch.add(post(seed + "-" + next++, random, posted));
          }
          ingest.ingest(sourceId, new FetchResult(batch, null));
        } else if (op < 7) {
          var pending = mentions.pendingSentiment(Set.of(), 20);
          if (!pending.isEmpty()) {
            long id = pending.get(random.nextInt(pending.size())).id();
            sentiment.save(id, randomResult(random));
            scored.add(id);
          }
        } else if (!scored.isEmpty()) {
          // Re-score (a new model version): label, detractor and language may all change.
          sentiment.save(scored.get(random.nextInt(scored.size())), randomResult(random));
        }
      }
      assertThat(rollups.all()).as("seed %d", seed).isEqualTo(recount());
      assertThat(rollups.allKh()).as("kh, seed %d", seed).isEqualTo(recountCoarse(KH_RECOUNT));
      assertThat(rollups.allDay()).as("day, seed %d", seed).isEqualTo(recountCoarse(DAY_RECOUNT));
    }
    assertThat(rollups.all()).isNotEmpty();
  }

  @Test
  void aRescoreMovesTheMentionBetweenLabelsWithoutCountingItTwice() {
    ingest.ingest(sourceId, new FetchResult(List.of(post("x", new Random(1), T0)), null));
    long id = mentions.list(MentionFilter.none(), 1, 0).items().get(0).id();
    sentiment.save(id, result("scored", "negative", true, "en"));
    sentiment.save(id, result("scored", "positive", false, "en"));
    var rows = rollups.all();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).label()).isEqualTo("positive");
    assertThat(rows.get(0).volume()).isEqualTo(1);
    assertThat(rows.get(0).detractors()).isZero();
    assertThat(rows.get(0).bucketStart()).isEqualTo(RollupKey.hourOf(T0));
  }

  @Test
  void pendingMentionsAreNotCountedAndLateArrivalsLandInTheirPostedHour() {
    Instant lastWeek = T0.minus(Duration.ofDays(7)).plusSeconds(59 * 60);
    ingest.ingest(sourceId, new FetchResult(List.of(post("late", new Random(2), lastWeek)), null));
    assertThat(rollups.all()).isEmpty();
    Mention m = mentions.list(MentionFilter.none(), 1, 0).items().get(0);
    sentiment.save(m.id(), result("unsupported", null, false, "tr"));
    var row = rollups.all().get(0);
    assertThat(row.bucketStart()).isEqualTo(RollupKey.hourOf(lastWeek));
    assertThat(row.label()).isEqualTo("unsupported");
    assertThat(row.language()).isEqualTo("tr");
  }

  List<RollupRow> recount() {
    return jdbi.withHandle(
        h ->
            h.createQuery(RECOUNT)
                .map(
                    (rs, ctx) ->
                        new RollupRow(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getLong(7)))
                .list());
  }

  List<TrendRollups.CoarseRow> recountCoarse(String sql) {
    return jdbi.withHandle(
        h ->
            h.createQuery(sql)
                .map(
                    (rs, ctx) ->
                        new TrendRollups.CoarseRow(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getLong(5)))
                .list());
  }

  static IncomingMention post(String id, Random random, Instant postedAt) {
    Network[] networks = {Network.MASTODON, Network.BLUESKY, Network.REDDIT};
    String brand = random.nextBoolean() ? "Acme" : "Globex";
    String lang = random.nextInt(4) == 0 ? null : "en";
    return new IncomingMention(
        networks[random.nextInt(networks.length)],
        id,
        "user" + random.nextInt(20),
        null,
        10L,
        brand + " post " + id,
        lang,
        null,
        postedAt,
        null);
  }

  static SentimentResult randomResult(Random random) {
    String[] labels = {"negative", "neutral", "positive"};
    String[] langs = {"en", "fr", null};
    String lang = langs[random.nextInt(langs.length)];
    return switch (random.nextInt(6)) {
      case 0 -> result("unscored", null, false, lang);
      case 1 -> result("failed", null, false, lang);
      default -> {
        String label = labels[random.nextInt(3)];
        yield result("scored", label, label.equals("negative") && random.nextBoolean(), lang);
      }
    };
  }

  static SentimentResult result(String status, String label, boolean detractor, String lang) {
    return new SentimentResult(
        status,
        label,
        detractor ? -0.8 : 0.1,
        detractor ? 0.9 : 0.1,
        detractor,
        detractor,
        0.8,
        lang,
        List.of(),
        List.of(new SentimentResult.Evidence("late delivery", "phrase", 0.7)),
        "test",
        null);
  }
}
