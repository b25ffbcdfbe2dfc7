package org.complaintdesk.sentiment.labels;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.complaintdesk.ingest.Mention;
import org.complaintdesk.ingest.MentionService;
import org.jdbi.v3.core.Jdbi;

/**
 * Responders' label corrections. They are stored, not applied to the live model at once: the next
 * {@code train} reads them (weighted above the public data) so each installation learns its own
 * brand's language, and a bad correction can still be reviewed before it counts.
 */
public class LabelService {
  public static final Set<String> LABELS = Set.of("negative", "neutral", "positive");

  private final LabelDao dao;
  private final MentionService mentions;
  private final Clock clock;

  public LabelService(Jdbi jdbi, MentionService mentions, Clock clock) {
    this.dao = jdbi.onDemand(LabelDao.class);
    this.mentions = mentions;
    this.clock = clock;
  }

  public LabelCorrection correct(long mentionId, String label, String by) {
    String l = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
    if (!LABELS.contains(l)) {
      throw new ClientErrorException("label must be negative, neutral or positive", 422);
    }
    Mention m =
        mentions
            .find(mentionId)
            .orElseThrow(() -> new NotFoundException("mention " + mentionId + " not found"));
    dao.upsert(mentionId, l, m.sentimentLabel(), by, clock.instant());
    return dao.find(mentionId).orElseThrow();
  }

  /** A mention's label as it stands: the latest correction, else the model's (source "model"). */
  public record CurrentLabel(String label, String source, String labelledBy) {}

  /** Empty when the mention does not exist. */
  public Optional<CurrentLabel> current(long mentionId) {
    var corrected = dao.find(mentionId);
    if (corrected.isPresent()) {
      var c = corrected.get();
      return Optional.of(new CurrentLabel(c.label(), "correction", c.labelledBy()));
    }
    return mentions.find(mentionId).map(m -> new CurrentLabel(m.sentimentLabel(), "model", null));
  }

  /** Every corrected mention with its text: the installation's own training data. */
  public List<CorrectedPost> corrections() {
    return dao.corrected();
  }
}
