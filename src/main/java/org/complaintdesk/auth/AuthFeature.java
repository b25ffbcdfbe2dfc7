package org.complaintdesk.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.complaintdesk.ComplaintDeskConfiguration;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/** Wires accounts, bearer-token authentication and {@code @RolesAllowed} checks. */
public final class AuthFeature {
  private AuthFeature() {}

  public static AuthService register(
      Environment environment, Jdbi jdbi, ComplaintDeskConfiguration config, Clock clock) {
    var service = new AuthService(jdbi, clock, config.getAuth());
    service.ensureUsers(config.getAuth().users);
    var authenticator = new TokenAuthenticator(service);
    environment
        .jersey()
        .register(
            new AuthDynamicFeature(
                new OAuthCredentialAuthFilter.Builder<User>()
                    .setAuthenticator(authenticator)
                    .setAuthorizer(authenticator)
                    .setPrefix("Bearer")
                    .setRealm("complaint-desk")
                    .setUnauthorizedHandler(new JSONUnauthorizedHandler())
                    .buildAuthFilter()));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(User.class));
    environment.jersey().register(new LoginResource(service));
    return service;
  }
}
