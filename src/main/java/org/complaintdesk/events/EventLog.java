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

  private final Jdbi jdbi;

  public EventLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void append(
      String type, Instant at, Long caseId, Long mentionId, String actor, Long durationMs) {
    jdbi.useExtension(
        EventDao.class, dao -> dao.append(type, at, caseId, mentionId, actor, durationMs, null));
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
    handle.attach(EventDao.class).append(type, at, caseId, mentionId, actor, durationMs, null);
  }

  public List<Event> forCase(long caseId) {
    return jdbi.withExtension(EventDao.class, dao -> dao.forCase(caseId));
  }
}
