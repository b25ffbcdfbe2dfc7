package org.complaintdesk.customers;

import java.time.Instant;
import java.util.List;

/** One person across networks: every identity (network + handle) linked to the profile. */
public record Customer(long id, String displayName, Instant createdAt, List<Identity> identities) {}
