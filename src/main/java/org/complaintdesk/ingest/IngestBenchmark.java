package org.complaintdesk.ingest;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.complaintdesk.bench.Benchmark;
import org.complaintdesk.bench.ResultLine;
import org.complaintdesk.common.Network;
import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.db.Migrations;
import org.complaintdesk.keywords.KeywordService;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code bench ingest}: a fake source hands pages to a real {@link SourcePoller} and {@link
 * IngestService} (keyword queries checked, upsert, cursor in the same transaction) on a fresh
 * SQLite file, as fast as they take them; sentiment is not running. Each page repeats the last
 * tenth of the previous one, as overlapping network cursors do, so dedup is exercised. Reports
 * stored mentions per second and how many were lost or duplicated (both must be 0).
 */
public class IngestBenchmark implements Benchmark {
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String description() {
    return "stored mentions per second from a fake source (sentiment off), plus lost/duplicated";
  }

  @Override
  public void configure(Subparser parser) {
    parser.addArgument("--mentions").type(Integer.class).setDefault(200_000);
    parser.addArgument("--page").type(Integer.class).setDefault(500).help("posts per fetch");
    parser.addArgument("--db").help("JDBC URL (default: a new SQLite file in a temp directory)");
  }

  /** Emits {@code total} distinct posts, 90% of them matching a keyword, pages overlapping. */
  static final class FakeSource implements MentionSource {
    private final int total;
    private final int page;
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] TEXTS = {
      "NimbusAir lost my bag again 😡",
      "خدمة NimbusAir سيئة جداً",
      "Voltara charger died after a week",
      "پشتیبانی Streamly جواب نمی‌دهد",
      "CrumbCo delivery was cold, спасибо",
      "KiteBank app is down again",
      "Η NimbusAir ακύρωσε την πτήση μου",
      "Loving the weather today",
      "Streamly keeps buffering #fail",
      "@CrumbAndCo where is my order?"
    };

    FakeSource(int total, int page) {
      this.total = total;
      this.page = page;
    }

    static int matching(int total) {
      int m = 0;
      for (int i = 0; i < total; i++) {
        if (i % TEXTS.length != 7) {
          m++;
        }
      }
      return m;
    }

    @Override
    public FetchResult fetch(String cursor) {
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      int overlap = Math.min(from, page / 10);
      int to = Math.min(total, from + page);
      List<IncomingMention> out = new ArrayList<>(to - from + overlap);
      for (int i = from - overlap; i < to; i++) {
        out.add(
            new IncomingMention(
                Network.WEBHOOK,
                "bench-" + i,
                "user" + (i % 5000),
                null,
                (long) i % 10_000,
                TEXTS[i % TEXTS.length] + " #" + i,
                "en",
                null,
                start.plusMillis(i),
                null));
      }
      return new FetchResult(out, Integer.toString(to), to < total, null);
    }
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns, PrintStream out) throws Exception {
    int total = ns.getInt("mentions");
    int page = ns.getInt("page");
    String url = ns.getString("db");
    Path dir = null;
    if (url == null) {
      dir = Files.createTempDirectory("cd-bench-ingest");
      url = "jdbc:sqlite:" + dir.resolve("bench.db");
    }
    var factory = new DataSourceFactory();
    factory.setUrl(url);
    DatabaseSetup.prepare(factory);
    Properties props = new Properties();
    props.putAll(factory.getProperties());
    Jdbi jdbi = DatabaseSetup.configure(Jdbi.create(url, props));
    jdbi.useHandle(h -> Migrations.migrate(h.getConnection()));

    Clock clock = Clock.systemUTC();
    var keywords = new KeywordService(jdbi, clock);
    keywords.seedIfEmpty(
        List.of("NimbusAir", "Voltara", "CrumbCo", "@CrumbAndCo", "Streamly -job", "KiteBank"));
    var ingest = new IngestService(jdbi, keywords, clock);
    Source source = ingest.registerSource("bench", Network.WEBHOOK, null, true);
    var poller =
        new SourcePoller(
            source,
            new FakeSource(total, page),
            ingest,
            Duration.ofSeconds(1),
            clock,
            Integer.MAX_VALUE,
            Duration.ofMinutes(30));

    out.printf("Ingesting %d posts in pages of %d into %s ...%n", total, page, url);
    long t0 = System.nanoTime();
    poller.tick();
    double seconds = (System.nanoTime() - t0) / 1e9;

    long expected = FakeSource.matching(total);
    long rows =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM mentions WHERE source_id = :s")
                    .bind("s", source.id())
                    .mapTo(Long.class)
                    .one());
    long distinct =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(DISTINCT external_id) FROM mentions WHERE source_id = :s")
                    .bind("s", source.id())
                    .mapTo(Long.class)
                    .one());
    Source after = ingest.source(source.id()).orElseThrow();
    if (after.consecutiveFailures() > 0) {
      out.println("The poll failed: " + after.lastError());
    }
    out.printf(
        "%d matching posts expected, %d rows stored in %.2fs (%d fetched incl. overlap)%n",
        expected, rows, seconds, after.itemsFetched());
    if (dir != null) {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
    out.println(
        new ResultLine()
            .put("mentions", rows)
            .put("per_s", Math.round(rows / seconds))
            .put("lost", Math.max(0, expected - distinct))
            .put("duplicated", rows - distinct));
  }
}
