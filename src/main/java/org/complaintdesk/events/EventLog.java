package org.complaintdesk.events;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The append-only reporting log: what happened, to which case, by whom, and how long it took. */
public class EventLog {
  public static final String CASE_OPENED = "case_opened";
  public static final String MENTION_JOINED = "mention_joined";
  public static final String ASSIGNED = "assigned";
  public static final String REPLY_SENT = "reply_sent";
  public static final String REPLY_FAILED = "reply_failed";
  public static final String FIRST_RESPONSE = "first_response";
  public static final String RESOLVED = "resolved";
  // Issue 5 (routing/SLA); the full list with meanings is in docs/architecture.md.
  public static final String CLAIMED = "claimed";
  public static final String UNASSIGNED = "unassigned";
  public static final String WAITING_ON_CUSTOMER = "waiting_on_customer";
  public static final String CUSTOMER_REPLIED = "customer_replied";
  public static final String REOPENED = "reopened";
  public static final String NEXT_RESPONSE = "next_response";
  public static final String AUTO_ACK_SENT = "auto_ack_sent";
  public static final String NOTE_ADDED = "note_added";
  public static final String PRIORITY_RAISED = "priority_raised";
  public static final String SLA_WARNING = "sla_warning";
  public static final String SLA_BREACHED = "sla_breached";
  public static final String ESCALATED = "escalated";

  /**
   * An event with its reporting dimensions: business-time duration, team, responder, network and
   * whether the SLA target was met. Built fluently; unset dimensions stay NULL.
   */
  public record Entry(
      String type,
      Instant at,
      Long caseId,
      Long mentionId,
      String actor,
      Long durationMs,
      Long businessMs,
      Long teamId,
      Long responderId,
      org.complaintdesk.common.Network network,
      Boolean slaMet,
      String data) {
    public static Entry of(String type, Instant at) {
      return new Entry(type, at, null, null, null, null, null, null, null, null, null, null);
    }

    public Entry caseId(Long v) {
      return with(b -> b.caseId = v);
    }

    public Entry mentionId(Long v) {
      return with(b -> b.mentionId = v);
    }

    public Entry actor(String v) {
      return with(b -> b.actor = v);
    }

    public Entry durations(Long wallMs, Long bizMs) {
      return with(
          b -> {
            b.durationMs = wallMs;
            b.businessMs = bizMs;
          });
    }

    public Entry team(Long v) {
      return with(b -> b.teamId = v);
    }

    public Entry responder(Long v) {
      return with(b -> b.responderId = v);
    }

    public Entry network(org.complaintdesk.common.Network v) {
      return with(b -> b.network = v);
    }

    public Entry slaMet(Boolean v) {
      return with(b -> b.slaMet = v);
    }

    public Entry data(String v) {
      return with(b -> b.data = v);
    }

    /** A copy with one change: records have no copy-with, so the withers share this one. */
    private Entry with(java.util.function.Consumer<Draft> change) {
      Draft d = new Draft(this);
      change.accept(d);
      return d.entry();
    }

    private static final class Draft {
      final String type;
      final Instant at;
      Long caseId;
      Long mentionId;
      String actor;
      Long durationMs;
      Long businessMs;
      Long teamId;
      Long responderId;
      org.complaintdesk.common.Network network;
      Boolean slaMet;
      String data;

      Draft(Entry e) {
        type = e.type;
        at = e.at;
        caseId = e.caseId;
        mentionId = e.mentionId;
        actor = e.actor;
        durationMs = e.durationMs;
        businessMs = e.businessMs;
        teamId = e.teamId;
        responderId = e.responderId;
        network = e.network;
        slaMet = e.slaMet;
        data = e.data;
      }

      Entry entry() {
        return new Entry(
            type,
            at,
            caseId,
            mentionId,
            actor,
            durationMs,
            businessMs,
            teamId,
            responderId,
            network,
            slaMet,
            data);
      }
    }
  }

  private final Jdbi jdbi;

  public EventLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void append(
      String type, Instant at, Long caseId, Long mentionId, String actor, Long durationMs) {
    append(basic(type, at, caseId, mentionId, actor, durationMs));
  }

  /**
   * Appends inside the caller's transaction, so the event and the change it records commit
   * together.
   */
  public void append(
      Handle handle,
      String type,
      Instant at,
      Long caseId,
      Long mentionId,
      String actor,
      Long durationMs) {
    append(handle, basic(type, at, caseId, mentionId, actor, durationMs));
  }

  /** The short overloads are entries without reporting dimensions: one insert path for all. */
  private static Entry basic(
      String type, Instant at, Long caseId, Long mentionId, String actor, Long durationMs) {
    return Entry.of(type, at)
        .caseId(caseId)
        .mentionId(mentionId)
        .actor(actor)
        .durations(durationMs, null);
  }

  /** Appends inside the caller's transaction, with reporting dimensions. */
  public void append(Handle handle, Entry e) {
    handle.attach(EventDao.class).appendEntry(e);
  }

  /** Many events inside the caller's transaction, as one batched statement (bulk assignment). */
  public void appendAll(Handle handle, List<Entry> entries) {
    if (!entries.isEmpty()) {
      handle.attach(EventDao.class).appendEntries(entries);
    }
  }

  public void append(Entry e) {
    jdbi.useExtension(EventDao.class, dao -> dao.appendEntry(e));
  }

  /** Duration events of one type in [from, to), filtered by the non-null dimensions. */
  public List<Measured> measured(
      String type,
      Instant from,
      Instant to,
      Long teamId,
      Long responderId,
      org.complaintdesk.common.Network network) {
    return jdbi.withExtension(
        EventDao.class, dao -> dao.measured(type, from, to, teamId, responderId, network));
  }

  /** A duration event as reports read it. */
  public record Measured(
      long caseId, Instant occurredAt, Long durationMs, Long businessMs, Boolean slaMet) {}

  public List<Event> forCase(long caseId) {
    return jdbi.withExtension(EventDao.class, dao -> dao.forCase(caseId));
  }
}
