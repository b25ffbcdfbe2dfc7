package org.complaintdesk.ingest;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.common.Network;
import org.complaintdesk.ingest.demo.DemoSource;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.replies.ReplySender;
import org.jdbi.v3.core.Jdbi;

/**
 * Registers the sources (each with its poller and health check) and the sources API. The demo
 * source comes from {@code demo:}; real channels from the {@code sources:} list, one poller each,
 * all scheduled on one {@link PollerScheduler} with the thread budget {@code ingest.pollerThreads}.
 */
public final class IngestFeature {
  private IngestFeature() {}

  /** What ingest gives the rest of the application. */
  public record Wiring(
      IngestService ingest, MentionService mentions, List<ReplySender> replySenders) {}

  public static Wiring register(
      Environment environment,
      Jdbi jdbi,
      ComplaintDeskConfiguration config,
      KeywordService keywords,
      AuditLog audit,
      Clock clock) {
    var ingest = new IngestService(jdbi, keywords, clock);
    var mentions = new MentionService(jdbi);
    var scheduler = new PollerScheduler(config.getIngest().pollerThreads);
    var credentials = new SourceCredentials(jdbi, config.getIngest().secretKey, clock);
    List<ReplySender> senders = new ArrayList<>();
    var demo = config.getDemo();
    if (demo.enabled) {
      var source = ingest.registerSource("demo", Network.DEMO, null, true);
      var demoSource =
          new DemoSource(demo, keywords::matcher, clock, environment.getObjectMapper());
      scheduler.add(
          new SourcePoller(source, demoSource, ingest, demo.interval.toJavaDuration(), clock));
      healthCheck(environment, ingest, source);
      senders.add(demoSource);
    }
    var clients = new NetworkClients(environment.getObjectMapper(), keywords, clock);
    java.util.Map<String, WebhookProcessor.Hook> hooks = new java.util.HashMap<>();
    for (SourceConfiguration sc : config.getSources()) {
      var source = ingest.registerSource(sc.name, sc.network, null, sc.enabled);
      if (!sc.enabled) {
        continue;
      }
      credentials.register(sc); // credentials stored over the API replace the configured ones
      if (sc.network == Network.WEBHOOK) {
        // Pushed to us (IngestWebhookResource); without a secret it stays closed.
        if (sc.webhookSecret == null || sc.webhookSecret.isBlank()) {
          throw new IllegalArgumentException(sc + ": a webhook source needs webhookSecret");
        }
        hooks.put(sc.name, WebhookProcessor.hook(source.id(), sc.webhookSecret));
        continue;
      }
      MentionSource fetcher = clients.mentionSource(sc);
      scheduler.add(
          new SourcePoller(
              source,
              fetcher,
              ingest,
              sc.interval.toJavaDuration(),
              clock,
              sc.maxPagesPerPoll,
              sc.authRetryInterval.toJavaDuration()));
      healthCheck(environment, ingest, source);
      // Replies on a network go out through its first configured source (our account there).
      clients
          .replySender(sc, fetcher)
          .filter(r -> senders.stream().noneMatch(x -> x.network() == r.network()))
          .ifPresent(senders::add);
    }
    var webhooks = new WebhookProcessor(jdbi, ingest, environment.getObjectMapper(), clock, hooks);
    for (String hook : hooks.keySet()) {
      credentials.onChange(hook, (field, value) -> webhooks.rekey(hook, value));
    }
    environment.lifecycle().manage(scheduler);
    environment.lifecycle().manage(webhooks);
    environment.jersey().register(new IngestWebhookResource(webhooks));
    environment
        .jersey()
        .register(new SourcesResource(ingest, credentials, audit, environment.getObjectMapper()));
    environment.jersey().register(new KeywordPreviewResource(mentions));
    return new Wiring(ingest, mentions, senders);
  }

  private static void healthCheck(Environment environment, IngestService ingest, Source source) {
    environment
        .healthChecks()
        .register("source-" + source.name(), new SourceHealthCheck(ingest, source.id()));
  }
}
