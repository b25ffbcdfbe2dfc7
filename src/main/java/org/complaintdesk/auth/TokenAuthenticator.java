package org.complaintdesk.auth;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/** Resolves {@code Authorization: Bearer <token>} to a user and answers role checks. */
final class TokenAuthenticator implements Authenticator<String, User>, Authorizer<User> {
  private final AuthService auth;

  TokenAuthenticator(AuthService auth) {
    this.auth = auth;
  }

  @Override
  public Optional<User> authenticate(String token) {
    return auth.authenticate(token);
  }

  @Override
  public boolean authorize(User user, String role, ContainerRequestContext request) {
    return user.has(Role.parse(role));
  }
}
