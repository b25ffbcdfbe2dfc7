package org.complaintdesk.sentiment;

import org.complaintdesk.ingest.Mention;

/** Told about every mention once its sentiment is stored (e.g. to open a case for a detractor). */
@FunctionalInterface
public interface ScoredMentionListener {
  void onScored(Mention mention, SentimentResult result);
}
