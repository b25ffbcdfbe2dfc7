package org.complaintdesk.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code routing:} section: case lifecycle, assignment, SLA clocks and reply tooling. */
public class RoutingConfiguration {
  /** A resolved case reopens when its customer writes again within this window (0 = never). */
  @NotNull @JsonProperty public Duration reopenWindow = Duration.days(3);

  /** A responder without a heartbeat for this long counts as offline. */
  @NotNull @JsonProperty public Duration heartbeatTimeout = Duration.minutes(2);

  /** "Who is viewing" forgets a viewer after this long without a ping. */
  @NotNull @JsonProperty public Duration viewerTimeout = Duration.seconds(60);

  /** Max open cases for a responder without an explicit capacity. */
  @Min(1)
  @Max(10_000)
  @JsonProperty
  public int defaultCapacity = 10;

  /** Time zone for calendar-time SLA policies (business calendars carry their own). */
  @NotNull @JsonProperty public String slaTimeZone = "UTC";

  /** How often the SLA scheduler checks due times, warns, escalates and assigns the backlog. */
  @NotNull @JsonProperty public Duration slaTickInterval = Duration.seconds(30);

  /** Timeout for escalation webhooks (e.g. a Slack incoming webhook). */
  @NotNull @JsonProperty public Duration webhookTimeout = Duration.seconds(5);

  /**
   * Tone check: a draft whose negative-tone probability (the sentiment layer's P(negative), without
   * the complaint layer) is at least this is flagged as rude and needs an explicit confirm to be
   * sent.
   */
  @DecimalMin("0.0")
  @DecimalMax("1.0")
  @JsonProperty
  public double toneWarningThreshold = 0.6;

  /** Send the team's automatic acknowledgement (a canned reply marked auto_ack) on new cases. */
  @JsonProperty public boolean autoAcknowledge = false;
}
