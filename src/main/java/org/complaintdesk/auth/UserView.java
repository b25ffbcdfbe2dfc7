package org.complaintdesk.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A user as the users admin API shows it (no password hash). */
public record UserView(
    long id,
    String username,
    String displayName,
    Set<Role> roles,
    List<String> languages,
    boolean active,
    Instant createdAt) {

  static UserView of(UserRow row) {
    User u = row.toUser();
    return new UserView(
        u.id(),
        u.username(),
        u.displayName(),
        u.roles(),
        u.languages(),
        row.active(),
        row.createdAt());
  }
}
