package org.complaintdesk.sentiment;

import java.time.Instant;

/** A sentiment_results row, with sentences and evidence still as JSON text. */
public record StoredSentimentRow(
    String status,
    String label,
    Double score,
    boolean detractor,
    Double detractorProbability,
    boolean complaint,
    Double confidence,
    String language,
    String sentences,
    String evidence,
    String model,
    String error,
    Instant scoredAt) {}
