package org.complaintdesk.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/** Spike detection and where alerts go. See docs/architecture.md "Spike alerts" for the method. */
public class AlertsConfiguration {
  /** Run the detector. */
  @JsonProperty public boolean enabled = true;

  /** How often the detector looks at the current hour. */
  @JsonProperty
  @Min(10)
  public int tickSeconds = 300;

  /** Rolling baseline: this many complete hours before the current one. */
  @JsonProperty
  @Min(6)
  @Max(24 * 90)
  public int windowHours = 168;

  /** A spike is this many robust standard deviations (volume) / standard errors (negativity). */
  @JsonProperty
  @DecimalMin("1.0")
  @DecimalMax("20.0")
  public double sensitivity = 3.0;

  /** No alert for an hour with fewer mentions than this (tiny numbers are noise). */
  @JsonProperty
  @Min(1)
  public int minVolume = 10;

  /** A negativity spike also needs the negative share to rise by at least this much. */
  @JsonProperty
  @DecimalMin("0.0")
  @DecimalMax("1.0")
  public double minNegativeShareIncrease = 0.15;

  /** After an alert, the same kind for the same keyword (and network) stays quiet this long. */
  @JsonProperty
  @Min(1)
  public int cooldownMinutes = 360;

  /** Also detect per keyword and network, not only per keyword across networks. */
  @JsonProperty public boolean perNetwork = true;

  /** Posts and phrases named in an alert. */
  @JsonProperty
  @Min(1)
  @Max(20)
  public int examples = 5;

  @Valid @NotNull @JsonProperty public Webhook webhook = new Webhook();

  @Valid @NotNull @JsonProperty public Email email = new Email();

  /** Slack-compatible incoming webhook ({"text": ...}). Empty url = off. */
  public static class Webhook {
    @JsonProperty public String url = "";

    @JsonProperty
    @Min(1)
    public int timeoutSeconds = 10;
  }

  /** SMTP delivery. Empty host or no recipients = off. Password comes from config/env only. */
  public static class Email {
    @JsonProperty public String host = "";

    @JsonProperty
    @Min(1)
    @Max(65535)
    public int port = 587;

    @JsonProperty public boolean startTls = true;
    @JsonProperty public String username = "";
    @JsonProperty public String password = "";
    @JsonProperty public String from = "complaint-desk@localhost";
    @JsonProperty public List<String> to = new ArrayList<>();

    @JsonProperty
    @Min(1)
    public int timeoutSeconds = 10;
  }
}
