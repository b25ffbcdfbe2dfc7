package org.complaintdesk.trends;

import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.complaintdesk.common.QueryParams;

/** A report's [from, to) range from optional query params; defaults end now. */
public record Range(Instant from, Instant to) {
  public static Range parse(String from, String to, Clock clock, Duration dflt) {
    Instant t = QueryParams.instant("to", to);
    Instant f = QueryParams.instant("from", from);
    if (t == null) {
      t = clock.instant();
    }
    if (f == null) {
      f = t.minus(dflt);
    }
    if (!f.isBefore(t)) {
      throw new BadRequestException("from must be before to");
    }
    if (Duration.between(f, t).toDays() > 3660) {
      throw new BadRequestException("the range may span at most 10 years");
    }
    return new Range(f, t);
  }
}
