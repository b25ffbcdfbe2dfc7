package org.complaintdesk.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.complaintdesk.keywords.Keyword;
import org.complaintdesk.keywords.KeywordService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path for mentions: every source hands its batches here. Stores each post once per
 * (network, external id), tags it with the keyword it matched, and moves the source's cursor in the
 * same transaction.
 */
public class IngestService {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final int MAX_ERROR_CHARS = 500;

  private final Jdbi jdbi;
  private final KeywordService keywords;
  private final Clock clock;

  public IngestService(Jdbi jdbi, KeywordService keywords, Clock clock) {
    this.jdbi = jdbi;
    this.keywords = keywords;
    this.clock = clock;
  }

  public IngestResult ingest(long sourceId, FetchResult batch) {
    var matcher = keywords.matcher();
    Instant now = clock.instant();
    // Matched before the transaction, so the write lock is held only for the writes.
    int unmatched = 0;
    List<IncomingMention> matched = new java.util.ArrayList<>(batch.mentions().size());
    List<Long> keywordIds = new java.util.ArrayList<>(batch.mentions().size());
    for (IncomingMention m : batch.mentions()) {
      // The full query (lang:, from:, exclusions) is checked here, whatever the network's own
      // search understood of it.
      Optional<Keyword> keyword = matcher.firstMatch(m.text(), m.language(), m.authorHandle());
      if (keyword.isEmpty()) {
        unmatched++;
        continue;
      }
      matched.add(m);
      keywordIds.add(keyword.get().id());
    }
    int skipped = unmatched;
    return jdbi.inTransaction(
        handle -> {
          var mentions = handle.attach(MentionDao.class);
          int stored = 0;
          if (!matched.isEmpty()) {
            // One JDBC batch per page: the single-row path was CPU-bound on SQLite.
            for (int count : mentions.insertAllIfAbsent(sourceId, matched, keywordIds, now)) {
              stored += count > 0 ? 1 : 0;
            }
          }
          int duplicates = matched.size() - stored;
          handle
              .attach(SourceDao.class)
              .recordSuccess(sourceId, batch.nextCursor(), batch.mentions().size(), now);
          return new IngestResult(stored, duplicates, skipped);
        });
  }

  /** Records a failed fetch on the source; the cursor stays where it was. */
  public void recordFailure(long sourceId, Throwable error) {
    recordFailure(sourceId, error, Source.BACKING_OFF, null, true);
  }

  /**
   * Records a failed fetch, the state it leaves the source in and until when it is paused (also
   * persisted, so a restart does not hammer a source that asked us to wait). {@code counts} is
   * false for rate limiting, which is the network working as documented rather than a failure.
   */
  public void recordFailure(
      long sourceId, Throwable error, String state, Instant pausedUntil, boolean counts) {
    String message = error.getClass().getSimpleName() + ": " + error.getMessage();
    if (message.length() > MAX_ERROR_CHARS) {
      message = message.substring(0, MAX_ERROR_CHARS);
    }
    try {
      jdbi.onDemand(SourceDao.class)
          .recordFailure(sourceId, message, clock.instant(), state, pausedUntil, counts);
    } catch (RuntimeException e) {
      LOG.error("Could not record the failure of source {}", sourceId, e);
    }
  }

  /** Persists a pause after a successful fetch that used up the rate-limit window. */
  public void recordPause(long sourceId, Instant until) {
    jdbi.onDemand(SourceDao.class).pause(sourceId, until, Source.RATE_LIMITED);
  }

  public Source registerSource(
      String name, org.complaintdesk.common.Network network, String query, boolean enabled) {
    var dao = jdbi.onDemand(SourceDao.class);
    dao.upsert(name, network, query, enabled);
    return dao.findByName(name).orElseThrow();
  }

  public Optional<Source> source(long id) {
    return jdbi.onDemand(SourceDao.class).find(id);
  }

  public List<Source> sources() {
    return jdbi.onDemand(SourceDao.class).list();
  }

  public Optional<Source> sourceByName(String name) {
    return jdbi.onDemand(SourceDao.class).findByName(name);
  }

  /** Admin pause/resume: a paused source's poller skips its ticks until resumed. */
  public void setAdminPaused(String name, boolean paused) {
    jdbi.onDemand(SourceDao.class).setAdminPaused(name, paused);
  }
}
