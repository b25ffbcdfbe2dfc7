package org.complaintdesk.sentiment.labels;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface LabelDao {
  @SqlUpdate(
      """
      INSERT INTO sentiment_labels (mention_id, label, previous_label, labelled_by, labelled_at)
      VALUES (:mentionId, :label, :previous, :by, :at)
      ON CONFLICT (mention_id) DO UPDATE SET label = :label, labelled_by = :by, labelled_at = :at
      """)
  void upsert(
      @Bind("mentionId") long mentionId,
      @Bind("label") String label,
      @Bind("previous") String previousLabel,
      @Bind("by") String labelledBy,
      @Bind("at") Instant at);

  @SqlQuery(
      """
      SELECT mention_id, label, previous_label, labelled_by, labelled_at
      FROM sentiment_labels WHERE mention_id = :mentionId
      """)
  @RegisterConstructorMapper(LabelCorrection.class)
  Optional<LabelCorrection> find(@Bind("mentionId") long mentionId);

  @SqlQuery(
      """
      SELECT l.mention_id, l.label, m.language, m.text
      FROM sentiment_labels l JOIN mentions m ON m.id = l.mention_id
      ORDER BY l.mention_id
      """)
  @RegisterConstructorMapper(CorrectedPost.class)
  List<CorrectedPost> corrected();
}
