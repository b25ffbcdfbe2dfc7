package org.complaintdesk.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.List;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.complaintdesk.audit.AuditLog;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires accounts, authentication (the web app's session cookie with CSRF check, then bearer
 * tokens), {@code @RolesAllowed} checks, login throttling and the users and tokens APIs.
 */
public final class AuthFeature {
  private AuthFeature() {}

  public static AuthService register(
      Environment environment,
      Jdbi jdbi,
      ComplaintDeskConfiguration config,
      AuditLog audit,
      Clock clock) {
    var authConfig = config.getAuth();
    var service = new AuthService(jdbi, clock, authConfig);
    service.ensureUsers(authConfig.users);
    var authenticator = new TokenAuthenticator(service);
    // The cookie filter goes first: when it rejects a missing CSRF token, that 403 is the answer
    // (unless a valid bearer token follows, which needs no CSRF token).
    List<AuthFilter<String, User>> filters =
        List.of(
            new CookieAuthFilter.Builder()
                .setAuthenticator(authenticator)
                .setAuthorizer(authenticator)
                .setPrefix("Cookie")
                .setRealm("complaint-desk")
                .setUnauthorizedHandler(new JSONUnauthorizedHandler())
                .buildAuthFilter(),
            new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(authenticator)
                .setAuthorizer(authenticator)
                .setPrefix("Bearer")
                .setRealm("complaint-desk")
                .setUnauthorizedHandler(new JSONUnauthorizedHandler())
                .buildAuthFilter());
    @SuppressWarnings({"rawtypes", "unchecked"})
    var chained = new ChainedAuthFilter(filters);
    environment.jersey().register(new AuthDynamicFeature(chained));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(User.class));
    var cookies =
        new SessionCookies(authConfig.cookieSecure, authConfig.sessionTtl.toJavaDuration());
    environment
        .jersey()
        .register(new LoginResource(service, new LoginThrottle(clock, authConfig), cookies));
    environment.jersey().register(new UsersResource(service, audit));
    environment.jersey().register(new TokensResource(service, audit));
    return service;
  }
}
