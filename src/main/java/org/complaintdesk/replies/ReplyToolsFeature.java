package org.complaintdesk.replies;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.List;
import org.complaintdesk.audit.AuditLog;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.routing.RoutingConfiguration;
import org.jdbi.v3.core.Jdbi;

/** Canned replies, tone check, notes and the optional auto-acknowledgement. */
public final class ReplyToolsFeature {
  private ReplyToolsFeature() {}

  public static ReplyToolsService register(
      Environment env,
      Jdbi jdbi,
      RoutingConfiguration config,
      CaseService cases,
      ReplyService replies,
      ToneCheck.DraftScorer scorer,
      List<ReplySender> senders,
      EventLog events,
      AuditLog audit,
      Clock clock) {
    var tools =
        new ReplyToolsService(
            jdbi,
            cases,
            replies,
            new ToneCheck(scorer, config.toneWarningThreshold),
            events,
            clock);
    if (config.autoAcknowledge) {
      cases.addListener(new AutoAcknowledger(tools, cases, replies));
    }
    env.jersey().register(new ReplyToolsResources.Canned(tools, audit));
    env.jersey().register(new ReplyToolsResources.Tone(tools));
    env.jersey().register(new ReplyToolsResources.Compose(tools));
    env.jersey().register(new ReplyToolsResources.Notes(tools));
    return tools;
  }
}
