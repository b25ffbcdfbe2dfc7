package org.complaintdesk.customers;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.complaintdesk.events.EventLog;
import org.jdbi.v3.core.Jdbi;

/** Customer profiles and their API. */
public final class CustomersFeature {
  private CustomersFeature() {}

  public static CustomerService register(Environment env, Jdbi jdbi, EventLog events, Clock clock) {
    var service = new CustomerService(jdbi, events, clock);
    env.jersey().register(new CustomersResource(service));
    return service;
  }
}
