package org.complaintdesk;

import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.complaintdesk.auth.AuthFeature;
import org.complaintdesk.bench.BenchCommand;
import org.complaintdesk.bench.StartupBenchmark;
import org.complaintdesk.cases.CasesFeature;
import org.complaintdesk.common.ErrorMappers;
import org.complaintdesk.db.DatabaseSetup;
import org.complaintdesk.db.Migrations;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.IngestFeature;
import org.complaintdesk.ingest.MentionsResource;
import org.complaintdesk.keywords.KeywordsFeature;
import org.complaintdesk.replies.RepliesFeature;
import org.complaintdesk.sentiment.ScoreCommand;
import org.complaintdesk.sentiment.SentimentConfiguration;
import org.complaintdesk.sentiment.SentimentFeature;
import org.complaintdesk.sentiment.SentimentScorer;
import org.complaintdesk.sentiment.eval.EvaluateCommand;
import org.complaintdesk.sentiment.eval.SentimentBenchmark;
import org.complaintdesk.sentiment.model.TrainCommand;
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
    bootstrap.addCommand(new EvaluateCommand());
    bootstrap.addCommand(new TrainCommand());
    bootstrap.addCommand(
        new BenchCommand(List.of(new StartupBenchmark(), new SentimentBenchmark())));
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

    var users = AuthFeature.register(env, jdbi, config, clock);
    var keywords = KeywordsFeature.register(env, jdbi, config, clock);
    var ingest = IngestFeature.register(env, jdbi, config, keywords, clock);
    var events = new EventLog(jdbi);
    var cases = CasesFeature.create(jdbi, ingest.mentions(), users, events, clock);
    var sentiment =
        SentimentFeature.register(
            env,
            jdbi,
            config,
            ingest.mentions(),
            sentimentScorer(config.getSentiment()),
            cases,
            clock);
    RepliesFeature.register(env, jdbi, config, cases, users, events, ingest.replySenders(), clock);
    env.jersey()
        .register(
            new MentionsResource(
                ingest.mentions(), keywords, id -> sentiment.find(id).orElse(null)));
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
