package org.complaintdesk.auth;

import io.dropwizard.auth.AuthFilter;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Authenticates the web app's session cookie. State-changing requests must also carry the CSRF
 * token in {@value SessionCookies#CSRF_HEADER}: a cross-site form can make the browser send the
 * cookie but cannot read the token. Bearer-token requests are handled by the other filter of the
 * chain and need no CSRF token (a browser never adds an Authorization header by itself).
 */
@Priority(Priorities.AUTHENTICATION)
final class CookieAuthFilter extends AuthFilter<String, User> {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(SessionCookies.SESSION);
    // An explicit Authorization header wins: leave the request to the bearer filter.
    if (cookie == null
        || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
        || cookie.getValue() == null
        || cookie.getValue().isBlank()) {
      throw unauthorizedHandler.buildException(prefix, realm);
    }
    String session = cookie.getValue();
    if (!SAFE_METHODS.contains(request.getMethod())) {
      String sent = request.getHeaderString(SessionCookies.CSRF_HEADER);
      String expected = AuthService.csrfTokenFor(session);
      if (sent == null
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
        throw new WebApplicationException(
            Response.status(403)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(403, "missing or wrong CSRF token"))
                .build());
      }
    }
    if (!authenticate(request, session, "COOKIE")) {
      throw unauthorizedHandler.buildException(prefix, realm);
    }
  }

  static final class Builder extends AuthFilterBuilder<String, User, CookieAuthFilter> {
    @Override
    protected CookieAuthFilter newInstance() {
      return new CookieAuthFilter();
    }
  }
}
