package org.complaintdesk.testing;

import java.time.Clock;
import java.time.Instant;
import org.complaintdesk.ComplaintDeskApplication;
import org.complaintdesk.sentiment.SentimentConfiguration;
import org.complaintdesk.sentiment.SentimentScorer;

/**
 * The real application with two seams: a clock the test controls and the sentiment scorer shared
 * across the test JVM. Test classes run one after another, so one static clock is enough.
 */
public class TestApplication extends ComplaintDeskApplication {
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  public static final MutableClock CLOCK = new MutableClock(START);

  @Override
  protected Clock clock() {
    return CLOCK;
  }

  @Override
  protected SentimentScorer sentimentScorer(SentimentConfiguration config) {
    return SharedScorer.get();
  }
}
