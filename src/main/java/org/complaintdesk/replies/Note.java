package org.complaintdesk.replies;

import java.time.Instant;

/** An internal note on a case: for colleagues only, never sent to the network. */
public record Note(long id, long caseId, String author, String text, Instant createdAt) {}
