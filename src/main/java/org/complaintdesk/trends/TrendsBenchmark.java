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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * then the latency of a 90-day daily trend (one keyword; all keywords grouped by keyword) and the
 * incremental rollup cost per scored mention. Generation writes mentions in batched transactions
 * and builds their rollups in bulk; the per-mention rollup cost is measured separately, through the
 * real {@link SentimentService#save} path, timing only the rollup listener.
 */
public class TrendsBenchmark implements Benchmark {
  static final int KEYWORDS = 20;
  static final int BATCH = 20_000;
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
    generate(jdbi, source, ids, total, out);
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
      if (r1.series().isEmpty() || r2.series().size() != KEYWORDS) {
        throw new IllegalStateException("unexpected trend result");
      }
      if (i >= 0) {
        one[i] = m - s;
        all[i] = e - m;
      }
    }
    double mb = db.sizeBytes.getAsLong() / (1024.0 * 1024.0);
    out.printf(
        Locale.ROOT,
        "one keyword 90d daily: p50 %.1f ms, p95 %.1f ms; all keywords: p50 %.1f ms, p95 %.1f ms%n",
        pct(one, 50),
        pct(one, 95),
        pct(all, 50),
        pct(all, 95));
    long rollupRows =
        jdbi.withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM trend_rollup").mapTo(Long.class).one());
    out.printf(Locale.ROOT, "trend_rollup rows: %d%n", rollupRows);
    out.println(
        new ResultLine()
            .put("mentions", total)
            .put("p50_ms", pct(one, 50))
            .put("p95_ms", pct(one, 95))
            .put("all_keywords_p95_ms", pct(all, 95))
            .put("rollup_us_per_mention", rollupUs)
            .put("db_mb", mb));
  }

  /** Batched inserts of scored mentions spread over a year; rollups built in bulk alongside. */
  static void generate(Jdbi jdbi, long source, List<Long> ids, long total, PrintStream out)
      throws java.sql.SQLException {
    Network[] networks = {Network.X, Network.MASTODON, Network.BLUESKY, Network.REDDIT};
    String[] langs = {"en", "en", "en", "es", "fr"};
    String[] texts = {
      "late delivery again", "checkout is broken", "love the new app", "refund still missing",
      "great support today", "where is my parcel", "price went up again", "nice update"
    };
    Random random = new Random(1);
    long spanMs = SPAN.toMillis();
    long startMs = END.toEpochMilli() - spanMs;
    Map<RollupKey, long[]> deltas = new HashMap<>();
    long done = 0;
    while (done < total) {
      int size = (int) Math.min(BATCH, total - done);
      long from = done;
      jdbi.useTransaction(
          h -> {
            Connection c = h.getConnection();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO mentions (source_id, network, external_id, keyword_id, author_handle,"
                        + " text, language, posted_at, fetched_at, sentiment_status, sentiment_label,"
                        + " detractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scored', ?, ?)")) {
              for (int i = 0; i < size; i++) {
                long kw = ids.get(random.nextInt(ids.size()));
                Network net = networks[random.nextInt(networks.length)];
                String lang = langs[random.nextInt(langs.length)];
                long posted = startMs + (long) (random.nextDouble() * spanMs);
                int r = random.nextInt(10);
                String label = r < 2 ? "negative" : r < 7 ? "neutral" : "positive";
                boolean detractor = r == 0;
                ps.setLong(1, source);
                ps.setString(2, net.key());
                ps.setString(3, "g" + (from + i));
                ps.setLong(4, kw);
                ps.setString(5, "user" + random.nextInt(100_000));
                ps.setString(6, "brand" + (kw - 1) + " " + texts[random.nextInt(texts.length)]);
                ps.setString(7, lang);
                ps.setLong(8, posted);
                ps.setLong(9, posted + 60_000);
                ps.setString(10, label);
                ps.setBoolean(11, detractor);
                ps.addBatch();
                long[] d =
                    deltas.computeIfAbsent(
                        new RollupKey(
                            RollupKey.hourOf(Instant.ofEpochMilli(posted)),
                            kw,
                            net.key(),
                            lang,
                            label),
                        k -> new long[2]);
                d[0]++;
                d[1] += detractor ? 1 : 0;
              }
              ps.executeBatch();
            }
          });
      done += size;
      if (done % 200_000 == 0 || done == total) {
        out.printf(Locale.ROOT, "  %d mentions%n", done);
      }
    }
    var rollups = new TrendRollups(jdbi);
    List<RollupKey> keys = new ArrayList<>(deltas.keySet());
    for (int i = 0; i < keys.size(); i += BATCH) {
      Map<RollupKey, long[]> chunk = new HashMap<>();
      keys.subList(i, Math.min(keys.size(), i + BATCH)).forEach(k -> chunk.put(k, deltas.get(k)));
      jdbi.useTransaction(h -> rollups.addAll(h, chunk));
    }
    jdbi.useHandle(h -> h.execute("ANALYZE"));
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

  static SentimentResult result(String label) {
    boolean negative = label.equals("negative");
    return new SentimentResult(
        "scored",
        label,
        negative ? -0.7 : 0.3,
        negative ? 0.8 : 0.1,
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
      Jdbi jdbi, String description, java.util.function.LongSupplier sizeBytes, Runnable cleanup) {}

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
