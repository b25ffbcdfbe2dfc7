package org.complaintdesk.sentiment;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface SentimentDao {
  @SqlUpdate(
      """
      INSERT INTO sentiment_results (mention_id, status, label, score, detractor,
        detractor_probability, complaint, confidence, language, sentences, evidence, model, error,
        scored_at)
      VALUES (:mentionId, :status, :label, :score, :detractor, :probability, :complaint,
        :confidence, :language, :sentences, :evidence, :model, :error, :scoredAt)
      ON CONFLICT (mention_id) DO UPDATE SET status = :status, label = :label, score = :score,
        detractor = :detractor, detractor_probability = :probability, complaint = :complaint,
        confidence = :confidence, language = :language, sentences = :sentences,
        evidence = :evidence, model = :model, error = :error, scored_at = :scoredAt
      """)
  void upsert(
      @Bind("mentionId") long mentionId,
      @Bind("status") String status,
      @Bind("label") String label,
      @Bind("score") double score,
      @Bind("detractor") boolean detractor,
      @Bind("probability") double probability,
      @Bind("complaint") boolean complaint,
      @Bind("confidence") double confidence,
      @Bind("language") String language,
      @Bind("sentences") String sentencesJson,
      @Bind("evidence") String evidenceJson,
      @Bind("model") String model,
      @Bind("error") String error,
      @Bind("scoredAt") Instant scoredAt);

  @SqlQuery(
      """
      SELECT status, label, score, detractor, detractor_probability,
        COALESCE(complaint, FALSE) AS complaint, confidence, language, sentences, evidence, model,
        error, scored_at
      FROM sentiment_results WHERE mention_id = :mentionId
      """)
  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(StoredSentimentRow.class)
  Optional<StoredSentimentRow> find(@Bind("mentionId") long mentionId);
}
