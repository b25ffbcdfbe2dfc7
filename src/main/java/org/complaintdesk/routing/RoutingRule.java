package org.complaintdesk.routing;

import java.util.Locale;
import org.complaintdesk.common.Network;

/**
 * Sends matching cases to a team. Every non-null criterion must hold; rules are tried in {@code
 * position} order (then id) and the first match wins.
 */
public record RoutingRule(
    long id,
    int position,
    String name,
    String keyword,
    String brand,
    Network network,
    String language,
    Double minPriority,
    Boolean detractor,
    long teamId) {

  /** What rules look at: the case's first post and its keyword. */
  public record Facts(
      String keyword,
      String brand,
      Network network,
      String language,
      double priority,
      boolean detractor) {}

  public boolean matches(Facts f) {
    return same(keyword, f.keyword())
        && same(brand, f.brand())
        && (network == null || network == f.network())
        && same(language, f.language())
        && (minPriority == null || f.priority() >= minPriority)
        && (detractor == null || detractor == f.detractor());
  }

  private static boolean same(String wanted, String actual) {
    return wanted == null
        || (actual != null
            && wanted
                .trim()
                .toLowerCase(Locale.ROOT)
                .equals(actual.trim().toLowerCase(Locale.ROOT)));
  }
}
