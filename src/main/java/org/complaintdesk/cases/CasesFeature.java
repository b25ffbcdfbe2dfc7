package org.complaintdesk.cases;

import java.time.Clock;
import java.time.Duration;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.customers.CustomerService;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.sla.SlaService;
import org.jdbi.v3.core.Jdbi;

/** Builds the case service; its resource is registered with the replies it shows. */
public final class CasesFeature {
  private CasesFeature() {}

  public static CaseService create(
      Jdbi jdbi, MentionService mentions, AuthService users, EventLog events, Clock clock) {
    return new CaseService(jdbi, mentions, users, events, clock);
  }

  public static CaseService create(
      Jdbi jdbi,
      MentionService mentions,
      AuthService users,
      EventLog events,
      Clock clock,
      SlaService sla,
      CustomerService customers,
      Duration reopenWindow) {
    return new CaseService(jdbi, mentions, users, events, clock, sla, customers, reopenWindow);
  }
}
