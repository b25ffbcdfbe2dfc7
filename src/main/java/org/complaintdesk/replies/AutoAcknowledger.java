package org.complaintdesk.replies;

import java.util.List;
import org.complaintdesk.cases.Case;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.events.EventLog;

/**
 * Optionally acknowledges a new case at once ("we're on it") with the team's auto-ack canned reply
 * in the customer's language. It goes through the reply outbox ({@link ReplyService#acknowledge}):
 * retried with back-off, idempotency key, a failure visible on the case. It is logged as {@code
 * auto_ack_sent}, never as a first response: the SLA clock keeps running until a human answers.
 */
public class AutoAcknowledger implements CaseService.CaseListener {
  private final ReplyToolsService tools;
  private final CaseService cases;
  private final ReplyService replies;

  public AutoAcknowledger(ReplyToolsService tools, CaseService cases, ReplyService replies) {
    this.tools = tools;
    this.cases = cases;
    this.replies = replies;
  }

  @Override
  public void onCaseChanged(Case opened, String eventType) {
    if (!EventLog.CASE_OPENED.equals(eventType)) {
      return;
    }
    // Routing (registered earlier) may have filed it under a team already.
    Case c = cases.get(opened.id());
    List<CannedReply> candidates =
        tools.autoAcks().stream()
            .filter(a -> a.teamId() == null || a.teamId().equals(c.teamId()))
            .toList();
    var forTeam = candidates.stream().filter(a -> a.teamId() != null).toList();
    var ack = ReplyToolsService.pick(forTeam.isEmpty() ? candidates : forTeam, c.language());
    if (ack.isPresent()) {
      replies.acknowledge(c, tools.fill(ack.get().body(), c, null));
    }
  }
}
