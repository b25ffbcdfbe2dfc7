package org.complaintdesk;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.base.Suppliers;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.complaintdesk.alerts.AlertsFeature;
import org.complaintdesk.audit.AuditFeature;
import org.complaintdesk.auth.AuthFeature;
import org.complaintdesk.auth.UserCommand;
import org.complaintdesk.bench.BenchCommand;
import org.complaintdesk.bench.StartupBenchmark;
import org.complaintdesk.cases.CasesFeature;
import org.complaintdesk.common.ErrorMappers;
import org.complaintdesk.customers.CustomersFeature;
import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.db.Migrations;
import org.complaintdesk.escalation.EscalationFeature;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.IngestBenchmark;
import org.complaintdesk.ingest.IngestFeature;
import org.complaintdesk.ingest.MentionsResource;
import org.complaintdesk.keywords.KeywordsFeature;
import org.complaintdesk.replies.RepliesFeature;
import org.complaintdesk.replies.ReplyToolsFeature;
import org.complaintdesk.replies.ToneCheck;
import org.complaintdesk.reports.ReportsResource;
import org.complaintdesk.reports.ResponseTimeReport;
import org.complaintdesk.routing.RoutingBenchmark;
import org.complaintdesk.routing.RoutingFeature;
import org.complaintdesk.sentiment.ScoreCommand;
import org.complaintdesk.sentiment.SentimentConfiguration;
import org.complaintdesk.sentiment.SentimentFeature;
import org.complaintdesk.sentiment.SentimentScorer;
import org.complaintdesk.sentiment.eval.EvaluateCommand;
import org.complaintdesk.sentiment.eval.SentimentBenchmark;
import org.complaintdesk.sentiment.model.TrainCommand;
import org.complaintdesk.sla.SlaFeature;
import org.complaintdesk.trends.TrendsBenchmark;
import org.complaintdesk.trends.TrendsFeature;
import org.complaintdesk.web.WebFeature;
import org.jdbi.v3.core.Jdbi;

/** The composition root: builds every feature by hand, in dependency order. */
public class ComplaintDeskApplication extends Application<ComplaintDeskConfiguration> {

  public static void main(String[] args) throws Exception {
    new ComplaintDeskApplication().run(args);
  }

  @Override
  public String getName() {
    return "complaint-desk";
  }

  @Override
  public void initialize(Bootstrap<ComplaintDeskConfiguration> bootstrap) {
    // ${VAR} and ${VAR:-default} in config.yml, so secrets and JDBC settings come from the env.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addBundle(
        new MigrationsBundle<>() {
          @Override
          public DataSourceFactory getDataSourceFactory(ComplaintDeskConfiguration config) {
            DatabaseSetup.prepare(config.getDatabase());
            return config.getDatabase();
          }
        });
    bootstrap.addCommand(new ScoreCommand());
    bootstrap.addCommand(new UserCommand());
    bootstrap.addCommand(new EvaluateCommand());
    bootstrap.addCommand(new TrainCommand());
    bootstrap.addCommand(
        new BenchCommand(
            List.of(
                new StartupBenchmark(),
                new IngestBenchmark(),
                new SentimentBenchmark(),
                new RoutingBenchmark(),
                new TrendsBenchmark())));
    // Times leave the API as ISO-8601 strings ("2026-11-23T13:30:00Z"), not epoch numbers.
    bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  @Override
  public void run(ComplaintDeskConfiguration config, Environment env) {
    Clock clock = clock();
    ErrorMappers.register((AbstractServerFactory) config.getServerFactory(), env);
    DatabaseSetup.prepare(config.getDatabase());
    Jdbi jdbi =
        DatabaseSetup.configure(new JdbiFactory().build(env, config.getDatabase(), "database"));
    if (config.isMigrateOnStartup()) {
      jdbi.useHandle(h -> Migrations.migrate(h.getConnection()));
    }

    var audit = AuditFeature.register(env, jdbi, clock);
    var users = AuthFeature.register(env, jdbi, config, audit, clock);
    var keywords = KeywordsFeature.register(env, jdbi, config, audit, clock);
    var ingest = IngestFeature.register(env, jdbi, config, keywords, audit, clock);
    var events = new EventLog(jdbi);
    var sla = SlaFeature.createService(jdbi, config.getRouting());
    var customers = CustomersFeature.register(env, jdbi, events, clock);
    var cases =
        CasesFeature.create(
            jdbi,
            ingest.mentions(),
            users,
            events,
            clock,
            sla,
            customers,
            config.getRouting().reopenWindow.toJavaDuration());
    // Loaded once, on first use: the sentiment worker warms it up right after start-up.
    Supplier<SentimentScorer> scorer =
        Suppliers.memoize(() -> sentimentScorer(config.getSentiment()));
    var sentiment =
        SentimentFeature.register(
            env, jdbi, config, ingest.mentions(), scorer, cases, audit, clock);
    var replies =
        RepliesFeature.register(
            env, jdbi, config, cases, users, events, audit, ingest.replySenders(), clock);
    var routing =
        RoutingFeature.register(
            env, jdbi, config.getRouting(), cases, users, keywords, audit, clock);
    EscalationFeature.register(
        env, config.getRouting(), cases, sla, routing, users, events, audit, clock);
    var responseTimes = new ResponseTimeReport(events);
    env.jersey().register(new ReportsResource(responseTimes, users, clock));
    ReplyToolsFeature.register(
        env,
        jdbi,
        config.getRouting(),
        cases,
        replies,
        ToneCheck.fromSentiment(scorer),
        ingest.replySenders(),
        events,
        audit,
        clock);
    var trends =
        TrendsFeature.register(
            env, jdbi, sentiment, keywords, responseTimes, routing, users, clock);
    AlertsFeature.register(env, jdbi, config.getAlerts(), keywords, trends.phrases(), clock);
    env.jersey()
        .register(
            new MentionsResource(
                ingest.mentions(), keywords, id -> sentiment.find(id).orElse(null)));
    WebFeature.register(env);
  }

  /** The clock every feature uses; tests substitute one they control. */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  /** Loads the sentiment models; tests substitute a scorer shared across the test JVM. */
  protected SentimentScorer sentimentScorer(SentimentConfiguration config) {
    return SentimentFeature.buildScorer(config);
  }
}
