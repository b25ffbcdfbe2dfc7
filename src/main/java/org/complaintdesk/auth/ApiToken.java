package org.complaintdesk.auth;

import java.time.Instant;

/** What the API shows about a token: never its value, never its hash. */
public record ApiToken(
    long id,
    long userId,
    String username,
    String kind,
    String name,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {}
