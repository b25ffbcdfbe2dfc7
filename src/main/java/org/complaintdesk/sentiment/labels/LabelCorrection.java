package org.complaintdesk.sentiment.labels;

import java.time.Instant;

/** A responder's verdict on a mention's sentiment, kept for the next {@code train}. */
public record LabelCorrection(
    long mentionId, String label, String previousLabel, String labelledBy, Instant labelledAt) {}
