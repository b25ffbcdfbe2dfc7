package org.complaintdesk.ingest.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The built-in demo source: replays sample posts so mentions flow with no credentials. */
public class DemoConfiguration {
  @JsonProperty public boolean enabled = true;

  /** Posts emitted per poll. */
  @JsonProperty
  @Min(1)
  @Max(10_000)
  public int postsPerPoll = 3;

  /** Time between polls. */
  @JsonProperty @NotNull public Duration interval = Duration.seconds(1);

  /**
   * Each post claims to be this many seconds old at most (random), so response times look real.
   * Zero makes posted_at exactly "now", which tests use.
   */
  @JsonProperty
  @Min(0)
  public int maxAgeSeconds = 120;

  /** Seed for the replay order, so two runs show the same sequence. */
  @JsonProperty public long seed = 42;
}
