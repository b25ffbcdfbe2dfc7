package org.complaintdesk.customers;

import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.complaintdesk.common.Network;
import org.complaintdesk.events.EventLog;
import org.jdbi.v3.core.Jdbi;

/**
 * Customer profiles. Every (network, handle) that writes to us gets an identity and a profile on
 * first sight; admins and responders link identities into one profile (moving an identity moves its
 * whole history, because cases and mentions are found through identities, not copied).
 */
public class CustomerService {
  private final Jdbi jdbi;
  private final EventLog events;
  private final Clock clock;

  public CustomerService(Jdbi jdbi, EventLog events, Clock clock) {
    this.jdbi = jdbi;
    this.events = events;
    this.clock = clock;
  }

  static String key(String handle) {
    String h = handle.trim().toLowerCase(Locale.ROOT);
    return h.startsWith("@") ? h.substring(1) : h;
  }

  /** The profile this identity belongs to, created on first sight. */
  public Customer ensure(Network network, String handle, String displayName) {
    long id =
        jdbi.inTransaction(
            h -> {
              var dao = h.attach(CustomerDao.class);
              var existing = dao.findIdentity(network, key(handle));
              if (existing.isPresent()) {
                return existing.get().customerId();
              }
              long customerId =
                  dao.insertCustomer(displayName == null ? handle : displayName, clock.instant());
              dao.insertIdentity(customerId, network, handle.trim(), key(handle), clock.instant());
              // A concurrent writer may have won the identity: use whoever owns it.
              return dao.findIdentity(network, key(handle)).orElseThrow().customerId();
            });
    return get(id);
  }

  /** The profile of an identity if we have seen it. */
  public java.util.Optional<Customer> find(Network network, String handle) {
    return jdbi.withExtension(CustomerDao.class, dao -> dao.findIdentity(network, key(handle)))
        .map(i -> get(i.customerId()));
  }

  /**
   * Every identity of the customer behind each of these handles on one network (itself included),
   * keyed by the handle as given; handles never seen are absent. One query, inside the caller's
   * transaction (routing reads a whole backlog page at once).
   */
  public java.util.Map<String, List<Identity>> linkedIdentities(
      org.jdbi.v3.core.Handle h, Network network, java.util.Collection<String> handles) {
    java.util.Map<String, List<String>> byKey = new java.util.HashMap<>();
    for (String handle : handles) {
      byKey.computeIfAbsent(key(handle), k -> new java.util.ArrayList<>()).add(handle);
    }
    java.util.Map<String, List<Identity>> out = new java.util.HashMap<>();
    if (byKey.isEmpty()) {
      return out;
    }
    for (var row : h.attach(CustomerDao.class).linked(network, List.copyOf(byKey.keySet()))) {
      var identity =
          new Identity(row.id(), row.customerId(), row.network(), row.handle(), row.createdAt());
      for (String handle : byKey.get(row.handleKey())) {
        out.computeIfAbsent(handle, k -> new java.util.ArrayList<>()).add(identity);
      }
    }
    return out;
  }

  public Customer get(long id) {
    return jdbi.withExtension(
        CustomerDao.class,
        dao ->
            dao.find(id)
                .map(r -> new Customer(r.id(), r.displayName(), r.createdAt(), dao.identities(id)))
                .orElseThrow(() -> new NotFoundException("customer " + id + " not found")));
  }

  /**
   * Links (network, handle) to this customer, moving it from whichever profile had it. Returns the
   * customer with its identities.
   */
  public Customer link(long customerId, Network network, String handle, String actor) {
    get(customerId);
    jdbi.useTransaction(
        h -> {
          var dao = h.attach(CustomerDao.class);
          var existing = dao.findIdentity(network, key(handle));
          if (existing.isPresent()) {
            dao.moveIdentity(existing.get().id(), customerId);
          } else {
            dao.insertIdentity(customerId, network, handle.trim(), key(handle), clock.instant());
          }
          events.append(
              h,
              EventLog.Entry.of("customer_linked", clock.instant())
                  .actor(actor)
                  .network(network)
                  .data("{\"customerId\":" + customerId + "}"));
        });
    return get(customerId);
  }

  /** Identities on other profiles with the same handle: suggested links, never applied silently. */
  public List<Identity> suggestions(long customerId) {
    get(customerId);
    return jdbi.withExtension(CustomerDao.class, dao -> dao.sameHandleElsewhere(customerId));
  }
}
