package org.complaintdesk.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users, passwords and bearer tokens. Tokens are random, shown once, and stored hashed. */
public class AuthService {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserDao users;
  private final TokenDao tokens;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final Duration sessionTtl;
  // Compared against when the user does not exist, so a miss costs as much time as a hit.
  private final String dummyHash;

  public AuthService(Jdbi jdbi, Clock clock, AuthConfiguration config) {
    this.users = jdbi.onDemand(UserDao.class);
    this.tokens = jdbi.onDemand(TokenDao.class);
    this.hasher = new PasswordHasher(config.bcryptCost);
    this.clock = clock;
    this.sessionTtl = config.sessionTtl.toJavaDuration();
    this.dummyHash = hasher.hash("no-such-user-" + RANDOM.nextLong());
  }

  /** Creates a user; the password is hashed before it is stored. */
  public User createUser(
      String username, String password, Collection<Role> roles, List<String> languages) {
    if (username == null || !username.matches("[A-Za-z0-9_.-]{2,64}")) {
      throw new IllegalArgumentException("username must be 2-64 letters, digits, '.', '_' or '-'");
    }
    if (password == null || password.length() < 8) {
      throw new IllegalArgumentException("password must have at least 8 characters");
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    long id =
        users.insert(
            username,
            username,
            hasher.hash(password),
            UserRow.joinRoles(roles),
            String.join(",", languages),
            clock.instant());
    return users.findById(id).orElseThrow().toUser();
  }

  /** Creates the configured users that do not exist yet; existing users are left untouched. */
  public void ensureUsers(List<AuthConfiguration.UserSeed> seeds) {
    for (var seed : seeds) {
      if (users.findByUsername(seed.username).isEmpty()) {
        createUser(
            seed.username,
            seed.password,
            seed.roles.stream().map(Role::parse).toList(),
            seed.languages);
        LOG.warn(
            "Created configured user '{}' - change or remove it outside a demo", seed.username);
      }
    }
  }

  /** Checks a password and, if right, opens a session token valid for the configured time. */
  public Optional<String> login(String username, String password) {
    var row = users.findByUsername(username == null ? "" : username);
    boolean ok =
        hasher.verify(
            password == null ? "" : password, row.map(UserRow::passwordHash).orElse(dummyHash));
    if (row.isEmpty() || !ok || !row.get().active()) {
      return Optional.empty();
    }
    return Optional.of(
        issueToken(row.get().id(), "session", null, clock.instant().plus(sessionTtl)));
  }

  /** A long-lived API token for integrations; the plain value is returned only here. */
  public String createApiToken(long userId, String name) {
    return issueToken(userId, "api", name, null);
  }

  /** A new API token and its listing entry; the caller shows {@code token} once. */
  public record CreatedToken(ApiToken info, String token) {}

  public CreatedToken createNamedApiToken(long userId, String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a token needs a name of 1-200 characters");
    }
    var issued = issue(userId, "api", name.strip(), null);
    return new CreatedToken(tokens.find(issued.id()).orElseThrow(), issued.token());
  }

  /** API tokens of one user, or of everybody when {@code userId} is null. */
  public List<ApiToken> apiTokens(Long userId) {
    return tokens.listApi(userId);
  }

  public Optional<ApiToken> findToken(long id) {
    return tokens.find(id);
  }

  public boolean revokeToken(long id) {
    return tokens.revokeById(id, clock.instant()) > 0;
  }

  private String issueToken(long userId, String kind, String name, Instant expiresAt) {
    return issue(userId, kind, name, expiresAt).token();
  }

  private record Issued(long id, String token) {}

  private Issued issue(long userId, String kind, String name, Instant expiresAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long id = tokens.insert(userId, sha256(token), kind, name, clock.instant(), expiresAt);
    return new Issued(id, token);
  }

  /**
   * The CSRF token that goes with a session: derived from the (HttpOnly, unreadable to scripts)
   * session token, so it needs no storage and a token for one session is useless for another.
   */
  public static String csrfTokenFor(String sessionToken) {
    return sha256("csrf:" + sessionToken);
  }

  public List<UserView> listUserViews() {
    return users.list().stream().map(UserView::of).toList();
  }

  public Optional<UserView> findUserView(long id) {
    return users.findById(id).map(UserView::of);
  }

  /** Changes a user's name, roles, languages or active flag; deactivating revokes every token. */
  public UserView updateUser(
      long id, String displayName, Collection<Role> roles, List<String> languages, boolean active) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    var row =
        users
            .findById(id)
            .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("user " + id + " not found"));
    users.update(
        id,
        displayName == null || displayName.isBlank() ? row.displayName() : displayName.strip(),
        UserRow.joinRoles(roles),
        String.join(",", languages),
        active);
    if (!active) {
      tokens.revokeAllOf(id, clock.instant());
    }
    return findUserView(id).orElseThrow();
  }

  /** Sets a new password and signs the user out everywhere. */
  public void setPassword(long id, String password) {
    if (password == null || password.length() < 8) {
      throw new IllegalArgumentException("password must have at least 8 characters");
    }
    if (users.setPassword(id, hasher.hash(password)) == 0) {
      throw new jakarta.ws.rs.NotFoundException("user " + id + " not found");
    }
    tokens.revokeAllOf(id, clock.instant());
  }

  public Optional<User> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    return tokens
        .findActiveUserId(sha256(token), clock.instant())
        .flatMap(users::findById)
        .filter(UserRow::active)
        .map(UserRow::toUser);
  }

  public void logout(String token) {
    tokens.revoke(sha256(token), clock.instant());
  }

  public Optional<User> findUser(String username) {
    return users.findByUsername(username).filter(UserRow::active).map(UserRow::toUser);
  }

  public Optional<User> findUser(long id) {
    return users.findById(id).map(UserRow::toUser);
  }

  public List<User> listUsers() {
    return users.list().stream().map(UserRow::toUser).toList();
  }

  static String sha256(String value) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
