package org.complaintdesk.auth;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoginResource {
  private static final Logger LOG = LoggerFactory.getLogger(LoginResource.class);

  private final AuthService auth;
  private final LoginThrottle throttle;
  private final SessionCookies cookies;

  LoginResource(AuthService auth, LoginThrottle throttle, SessionCookies cookies) {
    this.auth = auth;
    this.throttle = throttle;
    this.cookies = cookies;
  }

  public record LoginRequest(String username, String password) {}

  /** {@code token} for scripts (Bearer); the web app uses the cookie and {@code csrfToken}. */
  public record LoginResponse(String token, User user, String csrfToken) {}

  public record SessionInfo(User user, String csrfToken) {}

  /**
   * Open to everyone: exchanges a username and password for a new session. Every login issues a new
   * session id and revokes the one the browser sent (session fixation); failures are counted per
   * account and per address and answered with 429 once over the limit.
   */
  @POST
  @Path("/login")
  @Timed
  public Response login(
      @Valid @NotNull LoginRequest request,
      @CookieParam(SessionCookies.SESSION) String previousSession,
      @Context HttpServletRequest http) {
    String address = http == null ? "unknown" : http.getRemoteAddr();
    var locked = throttle.lockedFor(request.username(), address);
    if (locked.isPresent()) {
      long seconds = Math.max(1, locked.get().toSeconds());
      throw new WebApplicationException(
          Response.status(429)
              .header(HttpHeaders.RETRY_AFTER, seconds)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  new ErrorMessage(
                      429, "too many failed logins; try again in " + seconds + " seconds"))
              .build());
    }
    var token = auth.login(request.username(), request.password());
    if (token.isEmpty()) {
      throttle.failed(request.username(), address);
      // Never the username or password: people type passwords into the username field.
      LOG.info("Failed login from {}", address);
      throw new WebApplicationException("wrong username or password", 401);
    }
    throttle.succeeded(request.username());
    if (previousSession != null && !previousSession.isBlank()) {
      auth.logout(previousSession);
    }
    String csrf = AuthService.csrfTokenFor(token.get());
    return Response.ok(
            new LoginResponse(token.get(), auth.authenticate(token.get()).orElseThrow(), csrf))
        .cookie(cookies.session(token.get()), cookies.csrf(csrf))
        .build();
  }

  /** Ends the session or revokes the bearer token used for this request. */
  @POST
  @Path("/logout")
  @PermitAll
  public Response logout(
      @Auth User user,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @CookieParam(SessionCookies.SESSION) String session) {
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      auth.logout(authorization.substring(7).trim());
    }
    if (session != null && !session.isBlank()) {
      auth.logout(session);
    }
    return Response.noContent().cookie(cookies.clearSession(), cookies.clearCsrf()).build();
  }

  @GET
  @Path("/me")
  @PermitAll
  public User me(@Auth User user) {
    return user;
  }

  /** The web app's start-up call: who is signed in, and the CSRF token of the cookie session. */
  @GET
  @Path("/session")
  @PermitAll
  public SessionInfo session(@Auth User user, @CookieParam(SessionCookies.SESSION) String session) {
    return new SessionInfo(
        user, session == null || session.isBlank() ? null : AuthService.csrfTokenFor(session));
  }
}
