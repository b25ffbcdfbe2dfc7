package org.complaintdesk.sla;

import java.time.ZoneId;
import org.complaintdesk.routing.RoutingConfiguration;
import org.jdbi.v3.core.Jdbi;

/** Builds the SLA configuration service (its API and scheduler are registered by routing). */
public final class SlaFeature {
  private SlaFeature() {}

  public static SlaService createService(Jdbi jdbi, RoutingConfiguration config) {
    return new SlaService(jdbi, ZoneId.of(config.slaTimeZone));
  }
}
