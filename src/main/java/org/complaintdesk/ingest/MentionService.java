package org.complaintdesk.ingest;

import java.util.List;
import java.util.Optional;
import org.complaintdesk.common.Network;
import org.complaintdesk.common.Page;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Read access to stored mentions, and the few updates other features make to them. */
public class MentionService {
  private final MentionDao dao;

  public MentionService(Jdbi jdbi) {
    this.dao = jdbi.onDemand(MentionDao.class);
  }

  public Page<Mention> list(MentionFilter filter, int limit, int offset) {
    return Page.of(dao.list(filter, limit + 1, offset), limit, offset);
  }

  public Optional<Mention> find(long id) {
    return dao.find(id);
  }

  /** An author's posts on one network, newest first (a customer's history). */
  public List<Mention> findByAuthor(Network network, String handle, int limit) {
    return dao.findByAuthor(network, handle.toLowerCase(java.util.Locale.ROOT), limit);
  }

  public List<Mention> findByCase(long caseId) {
    return dao.findByCase(caseId);
  }

  /** Mentions still waiting for sentiment, oldest first, leaving out those already in flight. */
  public List<Mention> pendingSentiment(java.util.Set<Long> inFlight, int limit) {
    return dao.pending(limit + inFlight.size()).stream()
        .filter(m -> !inFlight.contains(m.id()))
        .limit(limit)
        .toList();
  }

  public long countPendingSentiment() {
    return dao.countPending();
  }

  /**
   * Prefer {@code SentimentService.save}: it runs the sentiment change listeners (trend rollups) in
   * the same transaction; a summary changed here alone is not reflected in the rollups.
   */
  public void recordSentiment(
      long id, String status, String label, boolean detractor, String language) {
    dao.updateSentiment(id, status, label, detractor, language);
  }

  /** The same, inside the caller's transaction. */
  public void recordSentiment(
      Handle handle, long id, String status, String label, boolean detractor, String language) {
    handle.attach(MentionDao.class).updateSentiment(id, status, label, detractor, language);
  }

  /**
   * Reads a mention inside the caller's transaction after taking its row lock (a no-op UPDATE:
   * portable, unlike SELECT ... FOR UPDATE, which SQLite lacks; SQLite locks the whole database on
   * the first write anyway). Empty when there is no such mention.
   */
  public Optional<Mention> lockForUpdate(Handle handle, long id) {
    MentionDao d = handle.attach(MentionDao.class);
    return d.touch(id) == 0 ? Optional.empty() : d.find(id);
  }

  public Optional<Mention> find(Handle handle, long id) {
    return handle.attach(MentionDao.class).find(id);
  }

  /** Files a mention under a case inside the caller's transaction, so both appear together. */
  public void attachToCase(Handle handle, long mentionId, long caseId) {
    handle.attach(MentionDao.class).attachToCase(mentionId, caseId);
  }

  public long count() {
    return dao.count();
  }

  /** The newest stored mentions, newest first (for previews over recent traffic). */
  public List<Mention> recent(int limit) {
    return dao.list(MentionFilter.none(), limit, 0);
  }
}
