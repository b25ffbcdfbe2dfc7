package org.complaintdesk.trends;

/** One trend_rollup row as stored. */
public record RollupRow(
    long bucketStart,
    long keywordId,
    String network,
    String language,
    String label,
    long volume,
    long detractors) {}
