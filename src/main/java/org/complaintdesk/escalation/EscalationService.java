package org.complaintdesk.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.complaintdesk.auth.AuthService;
import org.complaintdesk.auth.User;
import org.complaintdesk.cases.Case;
import org.complaintdesk.cases.CaseService;
import org.complaintdesk.events.EventLog;
import org.complaintdesk.routing.RoutingService;
import org.complaintdesk.sla.BusinessCalendar;
import org.complaintdesk.sla.SlaPolicy;
import org.complaintdesk.sla.SlaService;
import org.complaintdesk.sla.SlaTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks SLA clocks and escalates: a warning when {@code warnPercent} of a target is used, a breach
 * at the due time. Each fires once per clock run (a new customer post starts a new next-response
 * run). Actions come from the policy: reassign, raise priority, notify the team's manager, call a
 * webhook. Every warning, breach and action is an event.
 */
public class EscalationService {
  private static final Logger LOG = LoggerFactory.getLogger(EscalationService.class);

  /** Cases whose earliest due time is within this horizon are checked for warnings. */
  private static final int BATCH = 500;

  private final CaseService cases;
  private final SlaService sla;
  private final RoutingService routing;
  private final AuthService users;
  private final EventLog events;
  private final WebhookNotifier webhooks;
  private final Clock clock;

  public EscalationService(
      CaseService cases,
      SlaService sla,
      RoutingService routing,
      AuthService users,
      EventLog events,
      WebhookNotifier webhooks,
      Clock clock) {
    this.cases = cases;
    this.sla = sla;
    this.routing = routing;
    this.users = users;
    this.events = events;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /** What one tick did. */
  public record TickResult(int warnings, int breaches, int actions, int backlogAssigned) {}

  /** One scheduler pass: escalate, then assign any backlog that now fits. */
  public TickResult tick() {
    Instant now = clock.instant();
    sla.reload();
    int warnings = 0;
    int breaches = 0;
    int actions = 0;
    // A warning fires at >= 1% of a target, so any case that can warn has a due time; the
    // earliest due time bounds how far ahead a warning can be. Cases are checked soonest first.
    for (Case c : cases.dueBefore(now.plus(Duration.ofDays(3650)), 10 * BATCH)) {
      if (c.slaPolicyId() == null) {
        continue;
      }
      SlaPolicy policy = sla.policy(c.slaPolicyId()).orElse(null);
      if (policy == null) {
        continue;
      }
      BusinessCalendar cal = sla.calendarFor(policy);
      List<SlaTimer.Pause> pauses = cases.pauses(c.id());
      for (Clock3 k : clocks(c, policy)) {
        if (k.due() == null || k.target() == null) {
          continue;
        }
        String kind = null;
        if (!now.isBefore(k.due())) {
          kind = "breach";
        } else {
          Duration warnAfter = k.target().multipliedBy(policy.warnPercent()).dividedBy(100);
          Instant warnAt = SlaTimer.due(cal, k.start(), warnAfter, pauses);
          if (warnAt != null && !now.isBefore(warnAt) && policy.warnPercent() < 100) {
            kind = "warning";
          }
        }
        if (kind == null || !cases.markSlaFired(c.id(), k.name() + ":" + kind)) {
          continue;
        }
        if ("breach".equals(kind)) {
          // A breach implies the warning: never send a late warning after it.
          cases.markSlaFired(c.id(), k.name() + ":warning");
          breaches++;
        } else {
          warnings++;
        }
        events.append(
            EventLog.Entry.of(
                    "breach".equals(kind) ? EventLog.SLA_BREACHED : EventLog.SLA_WARNING, now)
                .caseId(c.id())
                .team(c.teamId())
                .responder(c.assigneeId())
                .network(c.network())
                .slaMet("breach".equals(kind) ? Boolean.FALSE : null)
                .data(
                    "{\"clock\":\""
                        + k.name()
                        + "\",\"dueAt\":\""
                        + k.due()
                        + "\",\"policy\":"
                        + policy.id()
                        + "}"));
        actions += act(c, policy, k, kind, now);
      }
    }
    int assigned = routing.assignAllBacklogs();
    return new TickResult(warnings, breaches, actions, assigned);
  }

  private record Clock3(String name, Instant start, Duration target, Instant due) {}

  private static List<Clock3> clocks(Case c, SlaPolicy p) {
    List<Clock3> out = new ArrayList<>();
    out.add(new Clock3("first_response", c.openedAt(), p.firstResponse(), c.firstResponseDueAt()));
    out.add(new Clock3("next_response", c.waitingSince(), p.nextResponse(), c.nextResponseDueAt()));
    out.add(new Clock3("resolution", c.openedAt(), p.resolution(), c.resolutionDueAt()));
    return out;
  }

  private int act(Case c, SlaPolicy policy, Clock3 k, String kind, Instant now) {
    int n = 0;
    for (SlaService.Action a : sla.actions(policy.id())) {
      if (!kind.equals(a.when())) {
        continue;
      }
      String outcome;
      try {
        outcome = run(c, k, kind, a);
      } catch (RuntimeException | WebhookNotifier.WebhookFailedException e) {
        LOG.warn("Escalation {} on case {} failed: {}", a.kind(), c.id(), e.getMessage());
        outcome = "failed: " + e.getMessage();
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("action", a.kind());
      data.put("clock", k.name());
      data.put("on", kind);
      data.put("outcome", outcome);
      events.append(
          EventLog.Entry.of(EventLog.ESCALATED, now)
              .caseId(c.id())
              .team(c.teamId())
              .actor("sla")
              .data(json(data)));
      n++;
    }
    return n;
  }

  private String run(Case c, Clock3 k, String kind, SlaService.Action a)
      throws WebhookNotifier.WebhookFailedException {
    String text =
        String.format(
            "SLA %s: case #%d (%s @%s) %s %s due %s; assignee %s",
            kind,
            c.id(),
            c.network().key(),
            c.authorHandle(),
            k.name().replace('_', ' '),
            "breach".equals(kind) ? "was" : "is",
            k.due(),
            c.assignee() == null ? "none" : c.assignee());
    switch (a.kind()) {
      case "reassign" -> {
        cases.unassign(c.id(), "sla");
        Case after = c.teamId() == null ? cases.get(c.id()) : routing.route(c.id());
        return after.assignee() == null ? "back in the queue" : "reassigned to " + after.assignee();
      }
      case "raise_priority" -> {
        double step = parseOr(a.target(), 10);
        double to = Math.min(100, c.priority() + step);
        cases.raisePriority(c.id(), to, "sla");
        return "priority " + c.priority() + " -> " + to;
      }
      case "notify_manager" -> {
        String manager =
            c.teamId() == null
                ? null
                : routing
                    .managerOf(c.teamId())
                    .flatMap(users::findUser)
                    .map(User::username)
                    .orElse(null);
        if (a.target() != null && a.target().matches("https?://.+")) {
          webhooks.post(
              a.target(), "@" + (manager == null ? "manager" : manager) + " " + text, Map.of());
        }
        return manager == null ? "no manager set for the team" : "notified " + manager;
      }
      case "webhook" -> {
        webhooks.post(
            a.target(),
            text,
            Map.of(
                "caseId",
                c.id(),
                "clock",
                k.name(),
                "kind",
                kind,
                "dueAt",
                String.valueOf(k.due())));
        return "posted";
      }
      default -> {
        return "unknown action";
      }
    }
  }

  private static double parseOr(String s, double dflt) {
    try {
      return s == null ? dflt : Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static String json(Object o) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
