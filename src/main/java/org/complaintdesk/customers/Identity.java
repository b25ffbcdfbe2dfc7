package org.complaintdesk.customers;

import java.time.Instant;
import org.complaintdesk.common.Network;

/** A customer's account on one network. */
public record Identity(
    long id, long customerId, Network network, String handle, Instant createdAt) {}
