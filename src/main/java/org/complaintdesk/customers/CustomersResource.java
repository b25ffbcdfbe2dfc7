package org.complaintdesk.customers;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.LongParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.complaintdesk.auth.Role;
import org.complaintdesk.auth.User;
import org.complaintdesk.common.QueryParams;

@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomersResource {
  private final CustomerService customers;

  public CustomersResource(CustomerService customers) {
    this.customers = customers;
  }

  public record LinkRequest(@NotBlank String network, @NotBlank String handle) {}

  @GET
  @Path("/{id}")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public Customer get(@PathParam("id") LongParam id) {
    return customers.get(id.get());
  }

  /** Other profiles whose handle matches one of this customer's: probably the same person. */
  @GET
  @Path("/{id}/suggestions")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public List<Identity> suggestions(@PathParam("id") LongParam id) {
    return customers.suggestions(id.get());
  }

  @POST
  @Path("/{id}/identities")
  @Timed
  @RolesAllowed({Role.ADMIN_NAME, Role.RESPONDER_NAME})
  public Customer link(
      @Auth User user, @PathParam("id") LongParam id, @Valid @NotNull LinkRequest request) {
    return customers.link(
        id.get(), QueryParams.network(request.network()), request.handle(), user.username());
  }
}
