package org.complaintdesk.trends;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jackson.Jackson;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.complaintdesk.bench.Benchmark;
import org.complaintdesk.bench.ResultLine;
import org.complaintdesk.common.Network;
import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.db.Migrations;
import org.complaintdesk.ingest.FetchResult;
import org.complaintdesk.ingest.IncomingMention;
import org.complaintdesk.ingest.IngestService;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentService;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code bench trends [--mentions N] [--postgres JDBC_URL]}: a year of mentions for 20 keywords,
 * then the latency of a 90-day daily trend (one keyword; all keywords grouped by keyword; weekly;
 * other zones) and the incremental rollup cost per scored mention. Generation writes mentions in
 * batched transactions (COPY on PostgreSQL) and builds the rollups in bulk with INSERT ... SELECT
 * ... GROUP BY; the per-mention rollup cost is measured separately, through the real {@link
 * SentimentService#save} path, timing only the rollup listener. It then checks the rollups against
 * the mentions and the coarse query path against the hourly one.
 */
public class TrendsBenchmark implements Benchmark {
  static final int KEYWORDS = 20;
  static final int BATCH = 20_000;
  static final int COPY_BATCH = 100_000;
  static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(365);

  @Override
  public String name() {
    return "trends";
  }

  @Override
  public String description() {
    return "Generates a year of mentions for 20 keywords and measures trend queries and rollups";
  }

  @Override
  public void configure(Subparser parser) {
    parser.addArgument("--mentions").type(Long.class).help("default 1,000,000 (10,000,000 on PG)");
    parser.addArgument("--postgres").metavar("JDBC_URL").help("use this PostgreSQL database");
    parser.addArgument("--pg-user").setDefault(env("PGUSER", "postgres"));
    parser.addArgument("--pg-password").setDefault(env("PGPASSWORD", ""));
    parser.addArgument("--queries").type(Integer.class).setDefault(200);
    parser.addArgument("--rescores").type(Integer.class).setDefault(1000);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns, PrintStream out) throws Exception {
    String pg = ns.getString("postgres");
    Long n = ns.get("mentions");
    long mentions = n != null ? n : pg != null ? 10_000_000L : 1_000_000L;
    Db db =
        pg == null ? sqlite() : postgres(pg, ns.getString("pg_user"), ns.getString("pg_password"));
    try {
      out.printf(Locale.ROOT, "database: %s%n", db.description);
      runOn(db, mentions, ns.getInt("queries"), ns.getInt("rescores"), out);
    } finally {
      db.cleanup.run();
    }
  }

  void runOn(Db db, long total, int queries, int rescores, PrintStream out) throws Exception {
    Jdbi jdbi = db.jdbi;
    Clock clock = Clock.fixed(END, ZoneOffset.UTC);
    var keywords = new KeywordService(jdbi, clock);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < KEYWORDS; i++) {
      ids.add(keywords.add("brand" + i, "Brand " + (i % 10)).id());
    }
    var ingest = new IngestService(jdbi, keywords, clock);
    long source = ingest.registerSource("bench", Network.X, "bench", false).id();

    long t0 = System.nanoTime();
    generate(jdbi, db.postgres, source, ids, total, out);
    double genSeconds = (System.nanoTime() - t0) / 1e9;
    out.printf(
        Locale.ROOT,
        "generated %d mentions in %.1f s (%.0f/s)%n",
        total,
        genSeconds,
        total / genSeconds);

    double rollupUs = measureRollups(jdbi, keywords, ingest, source, rescores, clock, out);

    var trends = new TrendService(jdbi, keywords);
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Random random = new Random(42);
    long[] one = new long[queries];
    long[] all = new long[queries];
    long[] weekly = new long[queries];
    long[] zones = new long[queries];
    // Zones far from UTC read the most edge hours (up to 12 per bucket edge).
    ZoneId[] others = {
      ZoneId.of("America/New_York"),
      ZoneId.of("Asia/Kolkata"),
      ZoneId.of("Australia/Sydney"),
      ZoneId.of("Asia/Tokyo"),
      ZoneId.of("America/Los_Angeles")
    };
    for (int i = -20; i < queries; i++) { // 20 warm-up rounds
      Instant to = END.minus(Duration.ofDays(random.nextInt(270)));
      Instant from = to.minus(Duration.ofDays(90));
      long kw = ids.get(random.nextInt(ids.size()));
      long s = System.nanoTime();
      var r1 =
          trends.trends(
              new TrendQuery(from, to, Bucket.DAY, zone, List.of(kw), null, null, null, "none"));
      long m = System.nanoTime();
      var r2 =
          trends.trends(
              new TrendQuery(from, to, Bucket.DAY, zone, null, null, null, null, "keyword"));
      long e = System.nanoTime();
      var r3 =
          trends.trends(
              new TrendQuery(from, to, Bucket.WEEK, zone, null, null, null, null, "keyword"));
      long w = System.nanoTime();
      ZoneId other = others[Math.floorMod(i, others.length)];
      var r4 =
          trends.trends(
              new TrendQuery(from, to, Bucket.DAY, other, null, null, null, null, "keyword"));
      long z = System.nanoTime();
      if (r1.series().isEmpty()
          || r2.series().size() != KEYWORDS
          || r3.series().size() != KEYWORDS
          || r4.series().size() != KEYWORDS) {
        throw new IllegalStateException("unexpected trend result");
      }
      if (i >= 0) {
        one[i] = m - s;
        all[i] = e - m;
        weekly[i] = w - e;
        zones[i] = z - w;
      }
    }
    verify(jdbi, trends, ids, others, out);
    double mb = db.sizeBytes.getAsLong() / (1024.0 * 1024.0);
    out.printf(
        Locale.ROOT,
        "one keyword 90d daily: p50 %.1f ms, p95 %.1f ms; all keywords: p50 %.1f ms, p95 %.1f ms%n",
        pct(one, 50),
        pct(one, 95),
        pct(all, 50),
        pct(all, 95));
    out.printf(
        Locale.ROOT,
        "all keywords 90d weekly (Berlin): p95 %.1f ms; all keywords 90d daily in New York,"
            + " Kolkata, Sydney, Tokyo, Los Angeles: p95 %.1f ms%n",
        pct(weekly, 95),
        pct(zones, 95));
    long rollupRows =
        jdbi.withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM trend_rollup").mapTo(Long.class).one());
    long dayRows =
        jdbi.withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM trend_rollup_day").mapTo(Long.class).one());
    long khRows =
        jdbi.withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM trend_rollup_kh").mapTo(Long.class).one());
    out.printf(
        Locale.ROOT,
        "rows: trend_rollup %d, trend_rollup_kh %d, trend_rollup_day %d%n",
        rollupRows,
        khRows,
        dayRows);
    out.println(
        new ResultLine()
            .put("mentions", total)
            .put("p50_ms", pct(one, 50))
            .put("p95_ms", pct(one, 95))
            .put("all_keywords_p95_ms", pct(all, 95))
            .put("all_keywords_weekly_p95_ms", pct(weekly, 95))
            .put("all_keywords_other_zones_p95_ms", pct(zones, 95))
            .put("rollup_us_per_mention", rollupUs)
            .put("db_mb", mb));
  }

  /** One generated mention (deterministic for a seed, the same on SQLite and PostgreSQL). */
  record Row(
      long keywordId,
      String network,
      String externalId,
      String author,
      String text,
      String language,
      long postedAt,
      String label,
      boolean detractor) {}

  /** Scored mentions spread uniformly over a year: 4 networks, 3 languages, labels 20/50/30 %. */
  static final class Generator {
    private static final Network[] NETWORKS = {
      Network.X, Network.MASTODON, Network.BLUESKY, Network.REDDIT
    };
    private static final String[] LANGS = {"en", "en", "en", "es", "fr"};
    private static final String[] TEXTS = {
      "late delivery again", "checkout is broken", "love the new app", "refund still missing",
      "great support today", "where is my parcel", "price went up again", "nice update"
    };
    private final Random random = new Random(1);
    private final List<Long> ids;
    private final long spanMs = SPAN.toMillis();
    private final long startMs = END.toEpochMilli() - spanMs;
    private long n;

    Generator(List<Long> ids) {
      this.ids = ids;
    }

    Row next() {
      long kw = ids.get(random.nextInt(ids.size()));
      Network net = NETWORKS[random.nextInt(NETWORKS.length)];
      String lang = LANGS[random.nextInt(LANGS.length)];
      long posted = startMs + (long) (random.nextDouble() * spanMs);
      int r = random.nextInt(10);
      String label = r < 2 ? "negative" : r < 7 ? "neutral" : "positive";
      return new Row(
          kw,
          net.key(),
          "g" + n++,
          "user" + random.nextInt(100_000),
          "brand" + (kw - 1) + " " + TEXTS[random.nextInt(TEXTS.length)],
          lang,
          posted,
          label,
          r == 0);
    }
  }

  /**
   * Writes the mentions (SQLite: batched INSERTs in 20,000-row transactions; PostgreSQL: COPY in
   * 100,000-row chunks), then builds the three rollup tables in bulk with INSERT ... SELECT ...
   * GROUP BY - the same statements as the migrations' backfill, so they count what the incremental
   * path would.
   */
  static void generate(
      Jdbi jdbi, boolean postgres, long source, List<Long> ids, long total, PrintStream out)
      throws java.sql.SQLException {
    Generator g = new Generator(ids);
    long done = 0;
    long reported = 0;
    int batch = postgres ? COPY_BATCH : BATCH;
    while (done < total) {
      int size = (int) Math.min(batch, total - done);
      if (postgres) {
        jdbi.useHandle(h -> copy(h.getConnection(), source, g, size));
      } else {
        jdbi.useTransaction(h -> insert(h.getConnection(), source, g, size));
      }
      done += size;
      if (done - reported >= 1_000_000 || done == total) {
        reported = done;
        out.printf(Locale.ROOT, "  %d mentions%n", done);
      }
    }
    long t = System.nanoTime();
    jdbi.useTransaction(
        h -> {
          h.execute(
              """
              INSERT INTO trend_rollup (bucket_start, keyword_id, network, language, label, volume,
                detractors)
              SELECT (posted_at / 3600000) * 3600000, COALESCE(keyword_id, 0), network,
                COALESCE(language, ''),
                CASE WHEN sentiment_status = 'scored' AND sentiment_label IS NOT NULL
                  THEN sentiment_label ELSE sentiment_status END,
                COUNT(*), SUM(CASE WHEN detractor THEN 1 ELSE 0 END)
              FROM mentions WHERE sentiment_status <> 'pending'
              GROUP BY (posted_at / 3600000) * 3600000, COALESCE(keyword_id, 0), network,
                COALESCE(language, ''),
                CASE WHEN sentiment_status = 'scored' AND sentiment_label IS NOT NULL
                  THEN sentiment_label ELSE sentiment_status END
              """);
          h.execute(
              """
              INSERT INTO trend_rollup_kh (bucket_start, keyword_id, label, volume, detractors)
              SELECT bucket_start, keyword_id, label, SUM(volume), SUM(detractors)
              FROM trend_rollup GROUP BY bucket_start, keyword_id, label
              """);
          h.execute(
              """
              INSERT INTO trend_rollup_day (day_start, keyword_id, label, volume, detractors)
              SELECT (bucket_start / 86400000) * 86400000, keyword_id, label, SUM(volume),
                SUM(detractors)
              FROM trend_rollup_kh GROUP BY (bucket_start / 86400000) * 86400000, keyword_id, label
              """);
        });
    out.printf(Locale.ROOT, "  rollups built in %.1f s%n", (System.nanoTime() - t) / 1e9);
    jdbi.useHandle(h -> h.execute("ANALYZE"));
  }

  private static final String COLUMNS =
      "source_id, network, external_id, keyword_id, author_handle, text, language, posted_at,"
          + " fetched_at, sentiment_status, sentiment_label, detractor";

  private static void insert(Connection c, long source, Generator g, int size)
      throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mentions ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scored', ?, ?)")) {
      for (int i = 0; i < size; i++) {
        Row r = g.next();
        ps.setLong(1, source);
        ps.setString(2, r.network());
        ps.setString(3, r.externalId());
        ps.setLong(4, r.keywordId());
        ps.setString(5, r.author());
        ps.setString(6, r.text());
        ps.setString(7, r.language());
        ps.setLong(8, r.postedAt());
        ps.setLong(9, r.postedAt() + 60_000);
        ps.setString(10, r.label());
        ps.setBoolean(11, r.detractor());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** PostgreSQL's COPY: one round trip per chunk, no per-row statement. Values need no quoting. */
  private static void copy(Connection c, long source, Generator g, int size)
      throws java.sql.SQLException {
    StringBuilder sb = new StringBuilder(size * 110);
    for (int i = 0; i < size; i++) {
      Row r = g.next();
      sb.append(source)
          .append('\t')
          .append(r.network())
          .append('\t')
          .append(r.externalId())
          .append('\t')
          .append(r.keywordId())
          .append('\t')
          .append(r.author())
          .append('\t')
          .append(r.text())
          .append('\t')
          .append(r.language())
          .append('\t')
          .append(r.postedAt())
          .append('\t')
          .append(r.postedAt() + 60_000)
          .append('\t')
          .append("scored\t")
          .append(r.label())
          .append('\t')
          .append(r.detractor() ? 't' : 'f')
          .append('\n');
    }
    try {
      c.unwrap(org.postgresql.PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY mentions (" + COLUMNS + ") FROM STDIN",
              new java.io.StringReader(sb.toString()));
    } catch (java.io.IOException e) {
      throw new java.sql.SQLException("COPY failed", e);
    }
  }

  /**
   * The incremental cost: first scores of new (late-arriving) mentions and re-scores of existing
   * ones through SentimentService.save, timing only the rollup listener inside the transaction.
   */
  static double measureRollups(
      Jdbi jdbi,
      KeywordService keywords,
      IngestService ingest,
      long source,
      int n,
      Clock clock,
      PrintStream out) {
    var mentions = new MentionService(jdbi);
    var sentiment = new SentimentService(jdbi, mentions, Jackson.newObjectMapper(), clock);
    var rollups = new TrendRollups(jdbi);
    long[] nanos = new long[1];
    long[] cpu = new long[1];
    long[] calls = new long[1];
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    sentiment.addChangeListener(
        (h, before, after) -> {
          long c = threads.getCurrentThreadCpuTime();
          long s = System.nanoTime();
          rollups.onSentimentChanged(h, before, after);
          nanos[0] += System.nanoTime() - s;
          cpu[0] += threads.getCurrentThreadCpuTime() - c;
          calls[0]++;
        });
    Random random = new Random(3);
    List<IncomingMention> posts = new ArrayList<>();
    for (int i = 0; i < n / 2; i++) {
      posts.add(
          new IncomingMention(
              Network.X,
              "late" + i,
              "u" + i,
              null,
              1L,
              "brand" + (i % KEYWORDS) + " late post",
              "en",
              null,
              END.minus(Duration.ofMinutes(random.nextInt(500_000))),
              null));
    }
    ingest.ingest(source, new FetchResult(posts, null));
    String[] labels = {"negative", "neutral", "positive"};
    long saveStart = System.nanoTime();
    for (Mention m : mentions.pendingSentiment(Set.of(), n / 2)) {
      sentiment.save(m.id(), result(labels[random.nextInt(3)]));
    }
    long maxId =
        jdbi.withHandle(h -> h.createQuery("SELECT MAX(id) FROM mentions").mapTo(Long.class).one());
    for (int i = 0; i < n / 2; i++) {
      sentiment.save(
          1 + (long) (random.nextDouble() * (maxId - 1)), result(labels[random.nextInt(3)]));
    }
    double saveUs = (System.nanoTime() - saveStart) / 1e3 / Math.max(1, calls[0]);
    double us = nanos[0] / 1e3 / Math.max(1, calls[0]);
    out.printf(
        Locale.ROOT,
        "rollup upkeep: %.1f us wall (%.1f us CPU) per scored mention; whole save incl. rollup:"
            + " %.1f us wall; %d saves%n",
        us,
        cpu[0] / 1e3 / Math.max(1, calls[0]),
        saveUs,
        calls[0]);
    return us;
  }

  /**
   * Correctness at scale: every rollup table sums to the processed mentions, and the coarse path
   * returns exactly the hourly path's report for a few queries (throws otherwise).
   */
  static void verify(
      Jdbi jdbi, TrendService trends, List<Long> ids, ZoneId[] zones, PrintStream out) {
    long counted =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM mentions WHERE sentiment_status <> 'pending'")
                    .mapTo(Long.class)
                    .one());
    for (String table : List.of("trend_rollup", "trend_rollup_kh", "trend_rollup_day")) {
      long sum =
          jdbi.withHandle(
              h -> h.createQuery("SELECT SUM(volume) FROM " + table).mapTo(Long.class).one());
      if (sum != counted) {
        throw new IllegalStateException(table + " sums to " + sum + ", mentions: " + counted);
      }
    }
    Random random = new Random(9);
    int n = 0;
    for (ZoneId zone : zones) {
      for (Bucket bucket : List.of(Bucket.DAY, Bucket.WEEK)) {
        Instant to =
            END.minus(Duration.ofDays(random.nextInt(270))).minusSeconds(random.nextInt(86_400));
        var q =
            new TrendQuery(
                to.minus(Duration.ofDays(90)),
                to,
                bucket,
                zone,
                n % 2 == 0 ? null : List.of(ids.get(0)),
                null,
                null,
                null,
                "keyword");
        if (!trends.trends(q, true).equals(trends.trends(q, false))) {
          throw new IllegalStateException("coarse and hourly paths differ for " + q);
        }
        n++;
      }
    }
    out.printf(
        Locale.ROOT,
        "verified: all 3 rollup tables sum to %d mentions; coarse == hourly path for %d queries%n",
        counted,
        n);
  }

  static SentimentResult result(String label) {
    boolean negative = label.equals("negative");
    return new SentimentResult(
        "scored",
        label,
        negative ? -0.7 : 0.3,
        negative ? 0.8 : 0.1,
        negative,
        negative,
        0.8,
        "en",
        List.of(),
        List.of(),
        "bench",
        null);
  }

  static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(0, rank - 1)] / 1e6;
  }

  record Db(
      Jdbi jdbi,
      boolean postgres,
      String description,
      java.util.function.LongSupplier sizeBytes,
      Runnable cleanup) {}

  static Db sqlite() throws Exception {
    Path dir = Files.createTempDirectory("bench-trends");
    Path file = dir.resolve("trends.db");
    var factory = new DataSourceFactory();
    factory.setUrl("jdbc:sqlite:" + file);
    DatabaseSetup.prepare(factory);
    Properties props = new Properties();
    props.putAll(factory.getProperties());
    Jdbi jdbi = DatabaseSetup.configure(Jdbi.create(factory.getUrl(), props));
    jdbi.useHandle(h -> Migrations.migrate(h.getConnection()));
    return new Db(
        jdbi,
        false,
        "SQLite " + file,
        () -> {
          jdbi.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
          return size(file) + size(dir.resolve("trends.db-wal"));
        },
        () -> {
          try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
              Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
          } catch (Exception e) {
            // leave the temp folder
          }
        });
  }

  static Db postgres(String url, String user, String password) {
    String schema = "bench_trends_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Jdbi admin = Jdbi.create(url, user, password);
    admin.useHandle(h -> h.execute("CREATE SCHEMA " + schema));
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    Jdbi jdbi = DatabaseSetup.configure(Jdbi.create(schemaUrl, user, password));
    jdbi.useHandle(h -> Migrations.migrate(h.getConnection()));
    return new Db(
        jdbi,
        true,
        "PostgreSQL schema " + schema,
        () ->
            admin.withHandle(
                h ->
                    h.createQuery(
                            "SELECT COALESCE(SUM(pg_total_relation_size(quote_ident(schemaname) || '.' ||"
                                + " quote_ident(tablename))), 0) FROM pg_tables WHERE schemaname = :s")
                        .bind("s", schema)
                        .mapTo(Long.class)
                        .one()),
        () -> admin.useHandle(h -> h.execute("DROP SCHEMA " + schema + " CASCADE")));
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (Exception e) {
      return 0;
    }
  }

  private static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
