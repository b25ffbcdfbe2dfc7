package org.complaintdesk.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.security.Principal;
import java.util.List;
import java.util.Set;

/** An authenticated person. Never carries the password hash. */
public record User(
    long id, String username, String displayName, Set<Role> roles, List<String> languages)
    implements Principal {

  @Override
  @JsonIgnore
  public String getName() {
    return username;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
