package org.complaintdesk.sentiment.labels;

/** A corrected mention with the text and language it was scored with: one training example. */
public record CorrectedPost(long mentionId, String label, String language, String text) {}
