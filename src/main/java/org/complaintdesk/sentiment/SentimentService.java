package org.complaintdesk.sentiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Stores sentiment results and serves them back with their sentences and evidence. */
public class SentimentService {
  private final SentimentDao dao;
  private final MentionService mentions;
  private final ObjectMapper json;
  private final Clock clock;
  private final Jdbi jdbi;
  private final List<SentimentChangeListener> changeListeners = new CopyOnWriteArrayList<>();

  public SentimentService(Jdbi jdbi, MentionService mentions, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.dao = jdbi.onDemand(SentimentDao.class);
    this.mentions = mentions;
    this.json = json;
    this.clock = clock;
  }

  /** Registers a listener that runs inside every save's transaction (see the interface). */
  public void addChangeListener(SentimentChangeListener listener) {
    changeListeners.add(listener);
  }

  /**
   * Stores the result and the mention's summary columns in one transaction, telling the change
   * listeners the summary before and after (the mention row is locked first, so two concurrent
   * re-scores of one mention cannot both see the same "before").
   */
  public void save(long mentionId, SentimentResult r) {
    jdbi.useTransaction(
        h -> {
          Mention before = mentions.lockForUpdate(h, mentionId).orElse(null);
          store(h, mentionId, r);
          if (before != null && !changeListeners.isEmpty()) {
            Mention after = mentions.find(h, mentionId).orElseThrow();
            for (SentimentChangeListener l : changeListeners) {
              l.onSentimentChanged(h, before, after);
            }
          }
        });
  }

  private void store(Handle h, long mentionId, SentimentResult r) {
    h.attach(SentimentDao.class)
        .upsert(
            mentionId,
            r.status(),
            r.label(),
            r.score(),
            r.detractor(),
            r.detractorProbability(),
            r.complaint(),
            r.confidence(),
            r.language(),
            write(r.sentences()),
            write(r.evidence()),
            r.model(),
            r.error(),
            clock.instant());
    mentions.recordSentiment(h, mentionId, r.status(), r.label(), r.detractor(), r.language());
  }

  /** A stored result, as the API shows it. */
  public record StoredSentiment(SentimentResult result, java.time.Instant scoredAt) {}

  public Optional<StoredSentiment> find(long mentionId) {
    return dao.find(mentionId)
        .map(
            s ->
                new StoredSentiment(
                    new SentimentResult(
                        s.status(),
                        s.label(),
                        s.score() == null ? 0 : s.score(),
                        s.detractorProbability() == null ? 0 : s.detractorProbability(),
                        s.detractor(),
                        s.complaint(),
                        s.confidence() == null ? 0 : s.confidence(),
                        s.language(),
                        read(s.sentences(), new TypeReference<>() {}),
                        read(s.evidence(), new TypeReference<>() {}),
                        s.model(),
                        s.error()),
                    s.scoredAt()));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> List<T> read(String value, TypeReference<List<T>> type) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored sentiment is not valid JSON", e);
    }
  }
}
