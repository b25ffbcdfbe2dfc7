package org.complaintdesk.ingest;

/**
 * The port every network adapter implements. It only talks to the network; storage, scheduling and
 * error handling belong to {@link SourcePoller} and {@link IngestService}.
 */
public interface MentionSource {
  /**
   * Fetches what is new since {@code cursor} (null on the first run).
   *
   * @throws Exception any failure; the poller records it and backs off, the cursor is kept
   */
  FetchResult fetch(String cursor) throws Exception;
}
