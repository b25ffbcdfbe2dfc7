package org.complaintdesk.common;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses optional query-string filters, answering a clear 400 for values we do not know instead of
 * silently ignoring them.
 */
public final class QueryParams {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private QueryParams() {}

  public static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw new BadRequestException(name + " must be true or false, not '" + value + "'");
    };
  }

  public static Network network(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Network.fromKey(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  public static String language(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String lang = value.trim().toLowerCase(Locale.ROOT);
    if (!LANGUAGE.matcher(lang).matches()) {
      throw new BadRequestException(
          "language must be an ISO 639 code such as en or ar, not '" + value + "'");
    }
    return lang;
  }

  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          name + " must be an ISO-8601 instant such as 2026-01-31T09:00:00Z, not '" + value + "'");
    }
  }

  public static String oneOf(String name, String value, Set<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new BadRequestException(
          name
              + " must be one of "
              + String.join(", ", allowed.stream().sorted().toList())
              + ", not '"
              + value
              + "'");
    }
    return v;
  }

  public static int bounded(String name, int v, int min, int max) {
    if (v < min || v > max) {
      throw new BadRequestException(name + " must be between " + min + " and " + max);
    }
    return v;
  }
}
