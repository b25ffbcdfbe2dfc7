package org.complaintdesk.auth;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.params.LongParam;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.complaintdesk.audit.AuditLog;

/**
 * API tokens for integrations. Everyone manages their own; admins see and revoke everybody's. The
 * token's value is in the create response only; the database keeps its SHA-256.
 */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {
  private final AuthService auth;
  private final AuditLog audit;

  TokensResource(AuthService auth, AuditLog audit) {
    this.auth = auth;
    this.audit = audit;
  }

  public record NewToken(@NotBlank @Size(max = 200) String name) {}

  /** The one response that carries the token's value. */
  public record CreatedToken(ApiToken info, String token) {}

  @GET
  @Timed
  @PermitAll
  public List<ApiToken> mine(@Auth User user) {
    return auth.apiTokens(user.id());
  }

  @GET
  @Path("/all")
  @Timed
  @RolesAllowed(Role.ADMIN_NAME)
  public List<ApiToken> all() {
    return auth.apiTokens(null);
  }

  @POST
  @Timed
  @PermitAll
  public Response create(@Auth User user, @Valid @NotNull NewToken request) {
    var created = auth.createNamedApiToken(user.id(), request.name());
    audit.record(user, "token.created", "token:" + created.info().id(), null, created.info());
    return Response.created(URI.create("/api/tokens/" + created.info().id()))
        .entity(new CreatedToken(created.info(), created.token()))
        .build();
  }

  /** Revokes one of your tokens; admins may revoke anyone's. Others' tokens look absent (404). */
  @DELETE
  @Path("/{id}")
  @Timed
  @PermitAll
  public Response revoke(@Auth User user, @PathParam("id") LongParam id) {
    ApiToken token =
        auth.findToken(id.get())
            .filter(t -> "api".equals(t.kind()))
            .filter(t -> t.userId() == user.id() || user.has(Role.ADMIN))
            .orElseThrow(() -> new NotFoundException("token " + id.get() + " not found"));
    if (auth.revokeToken(token.id())) {
      audit.record(
          user,
          "token.revoked",
          "token:" + token.id(),
          token,
          auth.findToken(token.id()).orElse(null));
    }
    return Response.noContent().build();
  }
}
