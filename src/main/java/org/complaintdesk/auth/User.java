package org.complaintdesk.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.complaintdesk.audit.AuditLog;

/** An authenticated person. Never carries the password hash. */
public record User(
    long id, String username, String displayName, Set<Role> roles, List<String> languages)
    implements Principal, AuditLog.HasId {

  @Override
  @JsonIgnore
  public String getName() {
    return username;
  }

  @Override
  @JsonIgnore
  public long auditId() {
    return id;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
