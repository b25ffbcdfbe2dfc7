package org.complaintdesk.routing;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Set;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.complaintdesk.auth.AuthConfiguration;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.bench.Benchmark;
import org.complaintdesk.bench.ResultLine;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.customers.CustomerService;
import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.db.Migrations;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.sla.SlaService;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code bench routing}: N queued cases in one team's backlog, M equally able, always-online
 * responders, assigned by the real RoutingService (least-loaded) against a fresh SQLite file - each
 * assignment is a conditional claim, an event, an SLA refresh and a decision-log row. Prints the
 * throughput and the spread (max - min cases per responder).
 */
public class RoutingBenchmark implements Benchmark {
  @Override
  public String name() {
    return "routing";
  }

  @Override
  public String description() {
    return "assign queued cases across responders (least-loaded) and report rate and spread";
  }

  @Override
  public void configure(Subparser parser) {
    parser.addArgument("--cases").type(Integer.class).setDefault(100_000).help("queued cases");
    parser.addArgument("--responders").type(Integer.class).setDefault(50).help("responders");
    parser
        .addArgument("--fsync")
        .type(Boolean.class)
        .setDefault(false)
        .help("synchronous=FULL (fsync every commit) instead of NORMAL");
    parser.addArgument("--strategy").setDefault("least_loaded").help("least_loaded or round_robin");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns, PrintStream out) throws Exception {
    int n = ns.getInt("cases");
    int m = ns.getInt("responders");
    Path dir = Files.createTempDirectory("routing-bench");
    var factory = new DataSourceFactory();
    factory.setDriverClass("org.sqlite.JDBC");
    factory.setUrl("jdbc:sqlite:" + dir.resolve("bench.db"));
    factory.setMaxSize(8);
    factory.setMinSize(1);
    factory.setInitialSize(1);
    DatabaseSetup.prepare(factory);
    // WAL with synchronous=NORMAL: no fsync per commit (still crash-safe, may lose the last
    // commits on power loss). Without it this measures the disk's fsync rate, not routing.
    factory.getProperties().put("synchronous", ns.getBoolean("fsync") ? "FULL" : "NORMAL");
    // Pooled like the server (JdbiFactory): an unpooled SQLite connection per query dominates.
    var dataSource = factory.build(new com.codahale.metrics.MetricRegistry(), "bench");
    dataSource.start();
    Jdbi jdbi = DatabaseSetup.configure(Jdbi.create(dataSource));
    jdbi.useHandle(h -> Migrations.migrate(h.getConnection()));

    Clock clock = Clock.systemUTC();
    var authConfig = new AuthConfiguration();
    authConfig.bcryptCost = 4;
    var auth = new AuthService(jdbi, clock, authConfig);
    var events = new EventLog(jdbi);
    var cases =
        new CaseService(
            jdbi,
            new MentionService(jdbi),
            auth,
            events,
            clock,
            new SlaService(jdbi, java.time.ZoneOffset.UTC),
            new CustomerService(jdbi, events, clock),
            Duration.ZERO);
    var config = new RoutingConfiguration();
    config.heartbeatTimeout = io.dropwizard.util.Duration.days(1);
    var routing =
        new RoutingService(jdbi, cases, auth, new KeywordService(jdbi, clock), config, clock);

    long team =
        routing.saveTeam(null, "bench", ns.getString("strategy"), "oldest_first", null).id();
    List<User> responders = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      User u = auth.createUser("r" + i, "bench-password", Set.of(Role.RESPONDER), List.of("en"));
      routing.heartbeat(u, "online");
      // Room for a fair share each (the API caps capacity at 10,000): capacity never decides here.
      routing.updateResponder(u.username(), Math.min(10_000, n / m + 1), null);
      jdbi.useHandle(
          h ->
              h.execute("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", team, u.id()));
      responders.add(u);
    }
    // The backlog: queued cases filed under the team, oldest first (bulk insert, not timed).
    Instant t0 = clock.instant().minus(Duration.ofDays(1));
    queue(jdbi, team, n, t0, Duration.ofMillis(1));
    out.printf("queued %d cases for %d responders; assigning...%n", n, m);

    long start = System.nanoTime();
    int assigned = routing.assignBacklog(team);
    double seconds = (System.nanoTime() - start) / 1e9;

    var counts = cases.openCountsByAssignee();
    IntSummaryStatistics stats =
        responders.stream().mapToInt(u -> counts.getOrDefault(u.id(), 0)).summaryStatistics();
    out.printf(
        "assigned %d in %.1f s; per responder min=%d max=%d%n",
        assigned, seconds, stats.getMin(), stats.getMax());
    out.println(
        new ResultLine()
            .put("cases", assigned)
            .put("per_s", Math.round(assigned / seconds))
            .put("spread", stats.getMax() - stats.getMin()));
  }

  /**
   * Files {@code n} unassigned English cases straight under a team, the i-th posted {@code i} steps
   * after {@code t0} (the bench's backlog; tests build theirs the same way).
   */
  static void queue(Jdbi jdbi, long teamId, int n, Instant t0, Duration step) {
    jdbi.useTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  """
                  INSERT INTO cases (network, author_handle, open_key, status, priority, opened_at,
                    created_at, updated_at, language, waiting_since, reopened_count, team_id)
                  VALUES ('mastodon', :a, :k, 'new', 90, :t, :t, :t, 'en', :t, 0, :team)
                  """);
          for (int i = 0; i < n; i++) {
            long t = t0.plus(step.multipliedBy(i)).toEpochMilli();
            String author = "q" + teamId + "-" + i;
            batch
                .bind("a", author)
                .bind("k", "mastodon|" + author)
                .bind("t", t)
                .bind("team", teamId)
                .add();
          }
          batch.execute();
        });
  }
}
