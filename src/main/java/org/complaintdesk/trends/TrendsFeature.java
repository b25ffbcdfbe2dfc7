package org.complaintdesk.trends;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.stream.Collectors;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.User;
import org.complaintdesk.keywords.KeywordService;
import org.complaintdesk.reports.ResponseTimeReport;
import org.complaintdesk.routing.RoutingService;
import org.complaintdesk.sentiment.SentimentService;
import org.jdbi.v3.core.Jdbi;

/** Trend rollups (kept in step with sentiment saves) and the marketers' reports. */
public final class TrendsFeature {
  private TrendsFeature() {}

  /** What other features may use. */
  public record Wiring(TrendService trends, PhraseService phrases) {}

  public static Wiring register(
      Environment environment,
      Jdbi jdbi,
      SentimentService sentiment,
      KeywordService keywords,
      ResponseTimeReport responseTimes,
      RoutingService routing,
      AuthService users,
      Clock clock) {
    sentiment.addChangeListener(new TrendRollups(jdbi));
    var trends = new TrendService(jdbi, keywords);
    var phrases =
        new PhraseService(jdbi, keywords, environment.getObjectMapper(), PhraseService.DEFAULT_CAP);
    environment
        .jersey()
        .register(
            new TrendsResource(
                trends,
                phrases,
                new ResponseTimeService(responseTimes, directory(routing, users)),
                clock));
    return new Wiring(trends, phrases);
  }

  /** Teams and users by id, read when a report is asked for (they change at run time). */
  static ResponseTimeService.Directory directory(RoutingService routing, AuthService users) {
    return new ResponseTimeService.Directory(
        () ->
            routing.teams().stream()
                .collect(Collectors.toMap(RoutingService.Team::id, RoutingService.Team::name)),
        () -> users.listUsers().stream().collect(Collectors.toMap(User::id, User::username)));
  }
}
