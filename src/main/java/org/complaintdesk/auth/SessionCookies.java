package org.complaintdesk.auth;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The web app's cookies: the session token (HttpOnly, SameSite=Strict, optionally Secure) and the
 * CSRF token that scripts read and echo in the {@value #CSRF_HEADER} header (double submit).
 */
public final class SessionCookies {
  public static final String SESSION = "cd_session";
  public static final String CSRF = "cd_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final boolean secure;
  private final Duration ttl;

  SessionCookies(boolean secure, Duration ttl) {
    this.secure = secure;
    this.ttl = ttl;
  }

  NewCookie session(String token) {
    return cookie(SESSION, token, true, (int) ttl.toSeconds());
  }

  NewCookie csrf(String token) {
    return cookie(CSRF, token, false, (int) ttl.toSeconds());
  }

  NewCookie clearSession() {
    return cookie(SESSION, "", true, 0);
  }

  NewCookie clearCsrf() {
    return cookie(CSRF, "", false, 0);
  }

  private NewCookie cookie(String name, String value, boolean httpOnly, int maxAge) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .httpOnly(httpOnly)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }
}
