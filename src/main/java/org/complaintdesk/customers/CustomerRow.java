package org.complaintdesk.customers;

import java.time.Instant;

public record CustomerRow(long id, String displayName, Instant createdAt) {}
