package org.complaintdesk.sentiment.labels;

import java.util.List;
import org.complaintdesk.ingest.MentionService;
import org.complaintdesk.sentiment.model.LabelledPost;
import org.jdbi.v3.core.Jdbi;

/** Label corrections as training examples for {@code train}. */
public final class CorrectionsSource {
  /**
   * A correction counts as this many public posts: enough that the installation's own verdict on a
   * post wins over thousands of general tweets, few enough that one mistaken click does not rewrite
   * the model.
   */
  public static final int DEFAULT_WEIGHT = 20;

  private CorrectionsSource() {}

  public static List<LabelledPost> fromDatabase(Jdbi jdbi, int weight) {
    var labels = new LabelService(jdbi, new MentionService(jdbi), java.time.Clock.systemUTC());
    return asTraining(labels.corrections(), weight);
  }

  public static List<LabelledPost> asTraining(List<CorrectedPost> corrections, int weight) {
    return corrections.stream()
        .map(
            c ->
                new LabelledPost(
                    "mention-" + c.mentionId(),
                    c.label(),
                    c.language(),
                    c.text(),
                    weight,
                    LabelledPost.CORRECTION))
        .toList();
  }
}
