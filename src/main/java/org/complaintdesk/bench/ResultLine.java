package org.complaintdesk.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The last line every benchmark and evaluation prints: {@code RESULT key=value key=value ...}, in
 * insertion order, so scripts can read the figures.
 */
public final class ResultLine {
  private final Map<String, String> values = new LinkedHashMap<>();

  public ResultLine put(String key, long value) {
    values.put(key, Long.toString(value));
    return this;
  }

  public ResultLine put(String key, double value) {
    values.put(key, String.format(Locale.ROOT, "%.4f", value));
    return this;
  }

  public ResultLine put(String key, String value) {
    values.put(key, value.replace(' ', '_'));
    return this;
  }

  @Override
  public String toString() {
    return "RESULT "
        + values.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }
}
