package org.complaintdesk.alerts;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.IntParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.common.Page;
import org.complaintdesk.common.QueryParams;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {
  private final AlertService alerts;

  public AlertsResource(AlertService alerts) {
    this.alerts = alerts;
  }

  /** Alert history (the dashboard's list), newest first. */
  @GET
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.MARKETER_NAME, Role.RESPONDER_NAME})
  public Page<Alert> list(
      @Auth User user,
      @QueryParam("limit") @DefaultValue("50") IntParam limit,
      @QueryParam("offset") @DefaultValue("0") IntParam offset) {
    return alerts.list(
        QueryParams.bounded("limit", limit.get(), 1, 500),
        QueryParams.bounded("offset", offset.get(), 0, 1_000_000));
  }
}
