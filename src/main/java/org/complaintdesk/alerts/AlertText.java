package org.complaintdesk.alerts;

import java.util.Locale;

/** The human wording of an alert, shared by the channels. */
final class AlertText {
  private AlertText() {}

  static String subject(Alert a) {
    return "[Complaint Desk] "
        + (a.kind().equals(AlertDetector.VOLUME) ? "Volume spike" : "Negativity spike")
        + " for \""
        + a.keyword()
        + "\""
        + (a.network() == null ? "" : " on " + a.network());
  }

  static String slack(Alert a) {
    StringBuilder s = new StringBuilder(":rotating_light: *").append(subject(a)).append("*\n");
    s.append(a.message()).append('\n');
    if (!a.phrases().isEmpty()) {
      s.append("Phrases: ").append(String.join(", ", a.phrases())).append('\n');
    }
    for (var p : a.posts()) {
      s.append("• @").append(p.author()).append(": ").append(shorten(p.text()));
      if (p.url() != null) {
        s.append(" <").append(p.url()).append('>');
      }
      s.append('\n');
    }
    return s.toString();
  }

  static String plain(Alert a) {
    return slack(a).replace(":rotating_light: ", "").replace("*", "");
  }

  static String message(String kind, long volume, double observed, double expected, double z) {
    if (kind.equals(AlertDetector.VOLUME)) {
      return String.format(
          Locale.ROOT,
          "%d mentions this hour against a usual %.1f (robust z = %.1f)",
          volume,
          expected,
          z);
    }
    return String.format(
        Locale.ROOT,
        "%.0f%% of %d mentions negative this hour against a usual %.0f%% (z = %.1f)",
        observed * 100,
        volume,
        expected * 100,
        z);
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }
}
