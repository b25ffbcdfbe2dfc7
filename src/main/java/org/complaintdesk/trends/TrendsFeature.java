package org.complaintdesk.trends;

import io.dropwizard.core.setup.Environment;
import org.complaintdesk.sentiment.SentimentService;
import org.jdbi.v3.core.Jdbi;

/** Trend rollups (kept in step with sentiment saves) and the marketers' reports. */
public final class TrendsFeature {
  private TrendsFeature() {}

  public static TrendRollups register(
      Environment environment, Jdbi jdbi, SentimentService sentiment) {
    var rollups = new TrendRollups(jdbi);
    sentiment.addChangeListener(rollups);
    return rollups;
  }
}
