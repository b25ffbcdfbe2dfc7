package org.complaintdesk.ingest;

import java.time.Instant;

/**
 * A fetch failure whose kind decides what the poller does next. Network clients throw these;
 * anything else (I/O errors, timeouts, bad JSON) is treated as transient.
 */
public abstract class SourceException extends Exception {
  protected SourceException(String message, Throwable cause) {
    super(message, cause);
  }

  /** 429 (or an exhausted window): wait until {@code resetAt}, then carry on. Not a failure. */
  public static final class RateLimited extends SourceException {
    private final Instant resetAt;

    public RateLimited(String message, Instant resetAt) {
      super(message, null);
      this.resetAt = resetAt;
    }

    /** When the window resets; null when the network did not say. */
    public Instant resetAt() {
      return resetAt;
    }
  }

  /** 401/403: credentials are wrong or lack access. Retrying soon only burns the quota. */
  public static final class AuthRejected extends SourceException {
    public AuthRejected(String message) {
      super(message, null);
    }
  }

  /** 5xx, timeouts, resets, unreadable bodies: retry with back-off, cursor unchanged. */
  public static final class Transient extends SourceException {
    public Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A request the network will never accept (400, a refused DOCTYPE): back off like transient. */
  public static final class Rejected extends SourceException {
    public Rejected(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
