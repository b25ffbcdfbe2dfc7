package org.complaintdesk.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.testing.MutableClock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class TrendServiceContract {
  abstract Jdbi database();

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  Jdbi jdbi;
  TrendService trends;
  TrendRollups rollups;
  long acme;
  long globex;

  @BeforeEach
  void setUp() {
    jdbi = database();
    var keywords = new KeywordService(jdbi, new MutableClock(Instant.EPOCH));
    acme = keywords.add("acme", "Acme").id();
    globex = keywords.add("globex", "Globex").id();
    trends = new TrendService(jdbi, keywords);
    rollups = new TrendRollups(jdbi);
  }

  /** One mention of {@code keyword} (negative, detractor) in every UTC hour of [from, to). */
  void everyHour(long keyword, String network, Instant from, Instant to) {
    Map<RollupKey, long[]> deltas = new HashMap<>();
    for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
      deltas.put(
          new RollupKey(h.toEpochMilli(), keyword, network, "en", "negative"), new long[] {1, 1});
    }
    jdbi.useTransaction(h -> rollups.addAll(h, deltas));
  }

  TrendReport daily(ZoneId zone, String from, String to, Bucket bucket) {
    return trends.trends(
        new TrendQuery(
            ZonedDateTime.parse(from).toInstant(),
            ZonedDateTime.parse(to).toInstant(),
            bucket,
            zone,
            null,
            null,
            null,
            null,
            "none"));
  }

  static List<Long> volumes(TrendReport r) {
    return r.series().get(0).points().stream().map(TrendReport.Point::volume).toList();
  }

  @Test
  void localDaysAcrossTheSpringDstChangeHave23Hours() {
    everyHour(
        acme, "x", Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-04-10T00:00:00Z"));
    var r = daily(BERLIN, "2026-03-28T00:00+01:00", "2026-03-31T00:00+02:00", Bucket.DAY);
    assertThat(volumes(r)).containsExactly(24L, 23L, 24L);
    assertThat(r.series().get(0).points())
        .extracting(TrendReport.Point::localStart)
        .containsExactly(
            "2026-03-28T00:00:00+01:00", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00");
    // ISO weeks (Monday first): the week ending on the DST Sunday is one hour short.
    var weeks = daily(BERLIN, "2026-03-23T00:00+01:00", "2026-04-06T00:00+02:00", Bucket.WEEK);
    assertThat(volumes(weeks)).containsExactly(167L, 168L);
  }

  @Test
  void localDaysAcrossTheAutumnDstChangeHave25HoursAndUtcDaysStay24() {
    everyHour(
        acme, "x", Instant.parse("2026-10-20T00:00:00Z"), Instant.parse("2026-10-30T00:00:00Z"));
    var r = daily(BERLIN, "2026-10-24T00:00+02:00", "2026-10-27T00:00+01:00", Bucket.DAY);
    assertThat(volumes(r)).containsExactly(24L, 25L, 24L);
    assertThat(r.series().get(0).points().get(2).start())
        .isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    var utc = daily(ZoneId.of("UTC"), "2026-10-24T00:00Z", "2026-10-27T00:00Z", Bucket.DAY);
    assertThat(volumes(utc)).containsExactly(24L, 24L, 24L);
  }

  @Test
  void hourBucketsSkipNoLocalHourAndEmptyBucketsAreZero() {
    everyHour(
        acme, "x", Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T02:00:00Z"));
    var r = daily(BERLIN, "2026-03-29T00:00+01:00", "2026-03-29T05:00+02:00", Bucket.HOUR);
    // 00:00, 01:00 CET, then 03:00 and 04:00 CEST: 4 real hours, the last two empty.
    assertThat(volumes(r)).containsExactly(0L, 1L, 1L, 0L);
    assertThat(r.series().get(0).points().get(2).localStart())
        .isEqualTo("2026-03-29T03:00:00+02:00");
  }

  @Test
  void shareOfVoiceAndDetractorShareByKeywordAndFilters() {
    Instant t = Instant.parse("2026-05-01T10:00:00Z");
    Map<RollupKey, long[]> deltas = new HashMap<>();
    deltas.put(new RollupKey(t.toEpochMilli(), acme, "x", "en", "negative"), new long[] {20, 10});
    deltas.put(
        new RollupKey(t.toEpochMilli(), acme, "reddit", "en", "positive"), new long[] {10, 0});
    deltas.put(new RollupKey(t.toEpochMilli(), globex, "x", "fr", "neutral"), new long[] {10, 0});
    jdbi.useTransaction(h -> rollups.addAll(h, deltas));
    var q =
        new TrendQuery(
            t.minus(Duration.ofDays(1)),
            t.plus(Duration.ofDays(1)),
            Bucket.DAY,
            ZoneId.of("UTC"),
            null,
            null,
            null,
            null,
            "keyword");
    var r = trends.trends(q);
    assertThat(r.series()).extracting(TrendReport.Series::name).containsExactly("acme", "globex");
    var a = r.series().get(0);
    assertThat(a.volume()).isEqualTo(30);
    assertThat(a.shareOfVoice()).isEqualTo(0.75);
    assertThat(a.detractorShare()).isEqualTo(10.0 / 30);
    assertThat(a.byLabel()).containsEntry("negative", 20L).containsEntry("positive", 10L);
    assertThat(r.series().get(1).shareOfVoice()).isEqualTo(0.25);

    var onX =
        trends.trends(
            new TrendQuery(
                q.from(), q.to(), q.bucket(), q.zone(), null, null, "x", null, "network"));
    assertThat(onX.series()).singleElement().satisfies(s -> assertThat(s.volume()).isEqualTo(30));
    var brand =
        trends.trends(
            new TrendQuery(
                q.from(), q.to(), q.bucket(), q.zone(), null, "globex", null, null, "brand"));
    assertThat(brand.series())
        .singleElement()
        .satisfies(s -> assertThat(s.name()).isEqualTo("Globex"));
    var french =
        trends.trends(
            new TrendQuery(q.from(), q.to(), q.bucket(), q.zone(), null, null, null, "fr", "none"));
    assertThat(french.series().get(0).volume()).isEqualTo(10);
  }

  /**
   * The coarse path (UTC days + edge hours) must give exactly what the hourly path gives, in zones
   * with DST, negative, half-hour and 45-minute offsets, for days, weeks and hours, ranges that
   * start and end mid-day, grouped or not, with and without a keyword filter.
   */
  @Test
  void theCoarsePathReturnsExactlyWhatTheHourlyPathReturns() {
    Random random = new Random(7);
    Map<RollupKey, long[]> deltas = new HashMap<>();
    long from = Instant.parse("2026-02-20T00:00:00Z").toEpochMilli();
    String[] labels = {"negative", "neutral", "positive", "failed"};
    String[] networks = {"x", "reddit"};
    for (int i = 0; i < 3000; i++) {
      long hour = from + random.nextInt(24 * 280) * 3_600_000L;
      var key =
          new RollupKey(
              hour,
              random.nextBoolean() ? acme : globex,
              networks[random.nextInt(2)],
              random.nextBoolean() ? "en" : "",
              labels[random.nextInt(labels.length)]);
      long[] d = deltas.computeIfAbsent(key, k -> new long[2]);
      d[0] += 1 + random.nextInt(3);
      d[1] += random.nextInt(2);
    }
    jdbi.useTransaction(h -> rollups.addAll(h, deltas));
    // A re-score emptied this row: neither path may show a series for it.
    var emptied = new RollupKey(from + 3_600_000L * 24 * 100, 0, "x", "en", "neutral");
    jdbi.useTransaction(h -> rollups.addAll(h, Map.of(emptied, new long[] {1, 0})));
    jdbi.useTransaction(h -> rollups.addAll(h, Map.of(emptied, new long[] {-1, 0})));

    String[] zones = {
      "Europe/Berlin",
      "America/New_York",
      "Asia/Kolkata",
      "Australia/Sydney",
      "Asia/Kathmandu",
      "Pacific/Chatham",
      "UTC",
      "America/St_Johns"
    };
    int compared = 0;
    for (String z : zones) {
      ZoneId zone = ZoneId.of(z);
      for (int round = 0; round < 6; round++) {
        Instant qFrom = Instant.ofEpochMilli(from + random.nextLong(250L * 86_400_000L));
        Instant qTo = qFrom.plus(Duration.ofMinutes(60 + random.nextInt(90 * 24 * 60)));
        Bucket bucket = Bucket.values()[round % 3];
        if (bucket == Bucket.HOUR) {
          qTo = qFrom.plus(Duration.ofHours(1 + random.nextInt(200)));
        }
        for (String groupBy : List.of("none", "keyword", "brand")) {
          List<Long> ids = round % 2 == 0 ? null : List.of(globex);
          var q = new TrendQuery(qFrom, qTo, bucket, zone, ids, null, null, null, groupBy);
          assertThat(trends.trends(q, true))
              .as("%s %s %s..%s %s", z, bucket, qFrom, qTo, groupBy)
              .isEqualTo(trends.trends(q, false));
          compared++;
        }
      }
      // Across both DST changes of 2026 in full.
      var year =
          new TrendQuery(
              Instant.parse("2026-03-01T00:00:00Z"),
              Instant.parse("2026-11-10T00:00:00Z"),
              Bucket.DAY,
              zone,
              null,
              null,
              null,
              null,
              "keyword");
      assertThat(trends.trends(year, true)).as(z).isEqualTo(trends.trends(year, false));
      assertThat(trends.trends(year, true).series()).hasSize(2);
    }
    assertThat(compared).isEqualTo(zones.length * 18);
  }

  @Test
  void tooManyBucketsIsABadRequest() {
    var q =
        new TrendQuery(
            Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:00Z"),
            Bucket.HOUR,
            ZoneId.of("UTC"),
            null,
            null,
            null,
            null,
            "none");
    assertThatThrownBy(() -> trends.trends(q)).isInstanceOf(BadRequestException.class);
  }
}
