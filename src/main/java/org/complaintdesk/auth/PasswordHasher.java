package org.complaintdesk.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt via the at.favre.lib implementation: salted, slow on purpose, constant-time verify. */
final class PasswordHasher {
  private final int cost;

  PasswordHasher(int cost) {
    this.cost = cost;
  }

  String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  boolean verify(String password, String hash) {
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }
}
