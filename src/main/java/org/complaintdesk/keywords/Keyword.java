package org.complaintdesk.keywords;

import java.time.Instant;

/** A watched keyword: a term that marks a post as being about one of our brands. */
public record Keyword(long id, String term, String brand, boolean active, Instant createdAt) {}
