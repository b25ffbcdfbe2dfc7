package org.complaintdesk.routing;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.keywords.KeywordService;
import org.jdbi.v3.core.Jdbi;

/** Teams, responders, routing rules, assignment and presence. */
public final class RoutingFeature {
  private RoutingFeature() {}

  public static RoutingService register(
      Environment env,
      Jdbi jdbi,
      RoutingConfiguration config,
      CaseService cases,
      AuthService users,
      KeywordService keywords,
      AuditLog audit,
      Clock clock) {
    var routing = new RoutingService(jdbi, cases, users, keywords, config, clock);
    cases.addListener(routing);
    env.jersey().register(new RoutingResources.Teams(routing, audit));
    env.jersey().register(new RoutingResources.Rules(routing, audit));
    env.jersey().register(new RoutingResources.Responders(routing, audit));
    env.jersey().register(new RoutingResources.AssignmentLog(routing));
    env.jersey().register(new RoutingResources.Viewers(routing));
    return routing;
  }
}
