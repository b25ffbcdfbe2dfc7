package org.complaintdesk.replies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.complaintdesk.cases.Case;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.ingest.Mention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optionally acknowledges a new case at once ("we're on it") with the team's auto-ack canned reply
 * in the customer's language. It is logged as {@code auto_ack_sent}, never as a first response: the
 * SLA clock keeps running until a human answers.
 */
public class AutoAcknowledger implements CaseService.CaseListener {
  private static final Logger LOG = LoggerFactory.getLogger(AutoAcknowledger.class);

  private final ReplyToolsService tools;
  private final CaseService cases;
  private final Map<org.complaintdesk.common.Network, ReplySender> senders;
  private final EventLog events;
  private final Clock clock;

  public AutoAcknowledger(
      ReplyToolsService tools,
      CaseService cases,
      List<ReplySender> senders,
      EventLog events,
      Clock clock) {
    this.tools = tools;
    this.cases = cases;
    this.senders =
        senders.stream().collect(Collectors.toMap(ReplySender::network, Function.identity()));
    this.events = events;
    this.clock = clock;
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
    ReplySender sender = senders.get(c.network());
    if (ack.isEmpty() || sender == null) {
      return;
    }
    Mention target =
        cases.mentionsOf(c.id()).stream().max(Comparator.comparing(Mention::postedAt)).orElse(null);
    if (target == null) {
      return;
    }
    String text = tools.fill(ack.get().body(), c, null);
    try {
      var sent =
          sender.send(
              new ReplySender.OutgoingReply(
                  0, c.id(), c.network(), target.externalId(), target.authorHandle(), text));
      Instant now = clock.instant();
      events.append(
          EventLog.Entry.of(EventLog.AUTO_ACK_SENT, now)
              .caseId(c.id())
              .actor("auto-ack")
              .team(c.teamId())
              .network(c.network())
              .durations(Duration.between(c.openedAt(), now).toMillis(), null)
              .data(
                  "{\"cannedReplyId\":"
                      + ack.get().id()
                      + ",\"externalId\":\""
                      + sent.externalId().replace("\"", "")
                      + "\"}"));
    } catch (ReplySender.ReplyFailedException e) {
      LOG.warn("Auto-acknowledgement for case {} was not posted: {}", c.id(), e.getMessage());
    }
  }
}
