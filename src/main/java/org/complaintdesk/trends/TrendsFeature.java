package org.complaintdesk.trends;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.complaintdesk.keywords.KeywordService;
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
      Clock clock) {
    sentiment.addChangeListener(new TrendRollups(jdbi));
    var trends = new TrendService(jdbi, keywords);
    var phrases =
        new PhraseService(jdbi, keywords, environment.getObjectMapper(), PhraseService.DEFAULT_CAP);
    environment
        .jersey()
        .register(new TrendsResource(trends, phrases, new ResponseTimeService(jdbi), clock));
    return new Wiring(trends, phrases);
  }
}
