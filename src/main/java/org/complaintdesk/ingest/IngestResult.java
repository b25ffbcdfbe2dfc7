package org.complaintdesk.ingest;

/** What one ingested batch did: stored, already known, or not about a watched keyword. */
public record IngestResult(int stored, int duplicates, int unmatched) {}
