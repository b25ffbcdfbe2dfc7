package org.complaintdesk.ingest;

import java.util.List;
import java.util.Optional;
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

  public void recordSentiment(
      long id, String status, String label, boolean detractor, String language) {
    dao.updateSentiment(id, status, label, detractor, language);
  }

  /** Files a mention under a case inside the caller's transaction, so both appear together. */
  public void attachToCase(Handle handle, long mentionId, long caseId) {
    handle.attach(MentionDao.class).attachToCase(mentionId, caseId);
  }

  public long count() {
    return dao.count();
  }
}
