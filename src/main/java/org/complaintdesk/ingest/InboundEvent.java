package org.complaintdesk.ingest;

import java.time.Instant;

/** A stored webhook delivery. */
public record InboundEvent(
    long id, long sourceId, String eventId, String body, Instant receivedAt, Instant processedAt) {}
