package org.complaintdesk.sentiment;

import org.complaintdesk.ingest.Mention;
import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction that stores a sentiment result, how the mention's summary (status,
 * label, detractor, language) looked before and after. Running in the same transaction lets derived
 * data (trend rollups) stay exactly in step with the mentions, also when a mention is re-scored:
 * the listener can take back what {@code before} contributed and add {@code after}.
 */
@FunctionalInterface
public interface SentimentChangeListener {
  void onSentimentChanged(Handle handle, Mention before, Mention after);
}
