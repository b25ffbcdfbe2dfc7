package org.complaintdesk.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The last line of every benchmark: {@code RESULT key=value key=value ...}, in insertion order. */
public final class BenchResult {
  private final Map<String, String> figures = new LinkedHashMap<>();

  public BenchResult put(String key, long value) {
    figures.put(key, String.valueOf(value));
    return this;
  }

  public BenchResult put(String key, double value) {
    figures.put(key, String.format(Locale.ROOT, "%.2f", value));
    return this;
  }

  public String line() {
    return "RESULT "
        + figures.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }
}
