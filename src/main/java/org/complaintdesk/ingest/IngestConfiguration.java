package org.complaintdesk.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The {@code ingest:} block: settings shared by every source. */
public class IngestConfiguration {
  /**
   * The thread budget of all pollers together (one shared scheduled pool). A source never runs two
   * polls at once, so more threads than sources buys nothing; fewer means sources take turns, and a
   * hanging network holds one thread at most for its {@code readTimeout}.
   */
  @JsonProperty
  @Min(1)
  @Max(64)
  public int pollerThreads = 4;

  /**
   * Base64 of a 16- or 32-byte AES key that encrypts the credentials set through {@code PUT
   * /api/sources/{name}/credentials} (config.yml reads it from {@code CD_SECRET_KEY}). Empty: such
   * writes are refused with 409 and the credentials in this file are used as they are.
   */
  @JsonProperty public String secretKey;

  @Override
  public String toString() {
    return "ingest (pollerThreads=" + pollerThreads + ")"; // never the key
  }
}
