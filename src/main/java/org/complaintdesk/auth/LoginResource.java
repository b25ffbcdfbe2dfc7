package org.complaintdesk.auth;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoginResource {
  private final AuthService auth;

  public LoginResource(AuthService auth) {
    this.auth = auth;
  }

  public record LoginRequest(String username, String password) {}

  public record LoginResponse(String token, User user) {}

  /** Open to everyone: exchanges a username and password for a session token. */
  @POST
  @Path("/login")
  @Timed
  public LoginResponse login(@Valid @NotNull LoginRequest request) {
    return auth.login(request.username(), request.password())
        .map(token -> new LoginResponse(token, auth.authenticate(token).orElseThrow()))
        .orElseThrow(() -> new WebApplicationException("wrong username or password", 401));
  }

  @POST
  @Path("/logout")
  @PermitAll
  public Response logout(
      @Auth User user, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    auth.logout(authorization.substring(authorization.indexOf(' ') + 1).trim());
    return Response.noContent().build();
  }

  @GET
  @Path("/me")
  @PermitAll
  public User me(@Auth User user) {
    return user;
  }
}
