package org.complaintdesk.escalation;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.routing.RoutingConfiguration;
import org.complaintdesk.routing.RoutingService;
import org.complaintdesk.sla.SlaResource;
import org.complaintdesk.sla.SlaService;

/** The SLA admin API and the scheduler that warns, escalates and drains the backlog. */
public final class EscalationFeature {
  private EscalationFeature() {}

  public static SlaScheduler register(
      Environment env,
      RoutingConfiguration config,
      CaseService cases,
      SlaService sla,
      RoutingService routing,
      AuthService users,
      EventLog events,
      AuditLog audit,
      Clock clock) {
    var escalation =
        new EscalationService(
            cases,
            sla,
            routing,
            users,
            events,
            new WebhookNotifier(config.webhookTimeout.toJavaDuration()),
            clock);
    var scheduler = new SlaScheduler(escalation, config.slaTickInterval.toJavaDuration());
    env.lifecycle().manage(scheduler);
    env.jersey().register(new SlaResource(sla, cases::refreshAllSla, audit));
    return scheduler;
  }
}
