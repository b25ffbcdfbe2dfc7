package org.complaintdesk.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser hardening for every response. The Content-Security-Policy allows scripts and styles from
 * our own origin only (no inline script), so even a rendering bug that let markup from a post
 * through could not run code; the app never needs anything from another origin.
 */
final class SecurityHeadersFilter implements Filter {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
          + "form-action 'self'";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (response instanceof HttpServletResponse http) {
      http.setHeader("Content-Security-Policy", CSP);
      http.setHeader("X-Content-Type-Options", "nosniff");
      http.setHeader("Referrer-Policy", "no-referrer");
      http.setHeader("X-Frame-Options", "DENY");
    }
    chain.doFilter(request, response);
  }
}
