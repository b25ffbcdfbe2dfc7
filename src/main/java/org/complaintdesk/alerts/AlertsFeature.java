package org.complaintdesk.alerts;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.trends.PhraseService;
import org.jdbi.v3.core.Jdbi;

/** Spike detection (a Managed scheduler), delivery channels and GET /api/alerts. */
public final class AlertsFeature {
  private AlertsFeature() {}

  public static AlertDetector register(
      Environment environment,
      Jdbi jdbi,
      AlertsConfiguration config,
      KeywordService keywords,
      PhraseService phrases,
      Clock clock) {
    var json = environment.getObjectMapper();
    var detector =
        new AlertDetector(jdbi, keywords, phrases, channels(config, json), config, json, clock);
    if (config.enabled) {
      environment.lifecycle().manage(detector);
    }
    environment.jersey().register(new AlertsResource(new AlertService(jdbi, keywords, json)));
    return detector;
  }

  static List<AlertChannel> channels(
      AlertsConfiguration config, com.fasterxml.jackson.databind.ObjectMapper json) {
    List<AlertChannel> channels = new ArrayList<>();
    if (config.webhook.url != null && !config.webhook.url.isBlank()) {
      channels.add(
          new WebhookChannel(
              config.webhook.url, Duration.ofSeconds(config.webhook.timeoutSeconds), json));
    }
    if (config.email.host != null && !config.email.host.isBlank() && !config.email.to.isEmpty()) {
      channels.add(new EmailChannel(config.email));
    }
    return channels;
  }
}
