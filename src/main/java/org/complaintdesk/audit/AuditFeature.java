package org.complaintdesk.audit;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The audit trail service (used by other features) and {@code GET /api/audit}. */
public final class AuditFeature {
  private AuditFeature() {}

  public static AuditLog register(Environment environment, Jdbi jdbi, Clock clock) {
    var audit = new AuditLog(jdbi, environment.getObjectMapper(), clock);
    environment.jersey().register(new AuditResource(audit));
    return audit;
  }
}
