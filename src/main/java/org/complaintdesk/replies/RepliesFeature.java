package org.complaintdesk.replies;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.List;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.cases.CasesResource;
import org.complaintdesk.events.EventLog;
import org.jdbi.v3.core.Jdbi;

/** Registers the replies API and the cases API (whose detail view lists replies). */
public final class RepliesFeature {
  private RepliesFeature() {}

  public static ReplyService register(
      Environment environment,
      Jdbi jdbi,
      ComplaintDeskConfiguration config,
      CaseService cases,
      AuthService users,
      EventLog events,
      AuditLog audit,
      List<ReplySender> senders,
      Clock clock) {
    var service = new ReplyService(jdbi, cases, events, senders, config.getReplies(), clock);
    environment.lifecycle().manage(new ReplyOutbox(service, java.time.Duration.ofSeconds(5)));
    environment.jersey().register(new RepliesResource(service, cases, audit));
    environment.jersey().register(new CasesResource(cases, users, events, service::forCase));
    return service;
  }
}
