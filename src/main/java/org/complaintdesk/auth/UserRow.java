package org.complaintdesk.auth;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/** A row of the users table, including the hash; only the auth package reads it. */
public record UserRow(
    long id,
    String username,
    String displayName,
    String passwordHash,
    String roles,
    String languages,
    boolean active,
    Instant createdAt) {

  User toUser() {
    var roleSet = EnumSet.noneOf(Role.class);
    for (String r : roles.split(",")) {
      if (!r.isBlank()) {
        roleSet.add(Role.parse(r));
      }
    }
    List<String> langs =
        Arrays.stream(languages.split(",")).filter(s -> !s.isBlank()).map(String::trim).toList();
    return new User(id, username, displayName, roleSet, langs);
  }

  static String joinRoles(java.util.Collection<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }
}
