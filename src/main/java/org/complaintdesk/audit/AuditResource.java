package org.complaintdesk.audit;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.jersey.params.IntParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.complaintdesk.auth.Role;
import org.complaintdesk.common.Page;
import org.complaintdesk.common.QueryParams;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private final AuditLog audit;

  public AuditResource(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * Newest first; {@code action} matches exactly or as a prefix ("keyword" → keyword.*), {@code
   * actor} exactly, {@code from}/{@code to} are ISO-8601 instants (from inclusive, to exclusive).
   */
  @GET
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public Page<AuditEntry> list(
      @QueryParam("action") String action,
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") @DefaultValue("50") IntParam limit,
      @QueryParam("offset") @DefaultValue("0") IntParam offset) {
    return audit.list(
        action,
        actor,
        QueryParams.instant("from", from),
        QueryParams.instant("to", to),
        QueryParams.bounded("limit", limit.get(), 1, 500),
        QueryParams.bounded("offset", offset.get(), 0, 1_000_000));
  }
}
