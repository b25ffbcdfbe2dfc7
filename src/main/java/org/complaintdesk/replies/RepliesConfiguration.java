package org.complaintdesk.replies;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

public class RepliesConfiguration {
  /** Longest reply accepted, in characters (networks cut lower: X 280, Mastodon 500). */
  @JsonProperty
  @Min(1)
  @Max(40_000)
  public int maxChars = 2000;
}
