package org.complaintdesk.auth;

import java.util.Locale;

/** What a user may do. A user may hold several roles. */
public enum Role {
  ADMIN,
  RESPONDER,
  MARKETER;

  /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
  public static final String ADMIN_NAME = "ADMIN";

  public static final String RESPONDER_NAME = "RESPONDER";
  public static final String MARKETER_NAME = "MARKETER";

  public static Role parse(String value) {
    try {
      return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '" + value + "' (expected admin, responder or marketer)");
    }
  }
}
