package org.complaintdesk.sentiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

public class SentimentConfiguration {
  /** Score mentions as they arrive. Off, mentions stay pending (useful for ingest benchmarks). */
  @JsonProperty public boolean enabled = true;

  /**
   * A mention whose detractor probability reaches this is flagged and opens a case. 0.4 is where
   * the default model balances complaints.tsv and tweeteval (docs/model-card.md).
   */
  @JsonProperty
  @DecimalMin("0.0")
  @DecimalMax("1.0")
  public double detractorThreshold = 0.4;

  /** Scoring threads; 0 means one per CPU core. */
  @JsonProperty
  @Min(0)
  @Max(64)
  public int workers = 0;

  /** Longer texts are stored but not scored (marked unscored). */
  @JsonProperty
  @Min(10)
  public int maxTextChars = 5000;

  /**
   * The trained model written by {@code train} (e.g. after responders corrected labels). When empty
   * or missing, the default model shipped in the jar is used.
   */
  @JsonProperty public String modelFile = "";

  public int effectiveWorkers() {
    return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
  }
}
