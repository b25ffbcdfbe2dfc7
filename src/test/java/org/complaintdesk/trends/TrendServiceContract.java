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
