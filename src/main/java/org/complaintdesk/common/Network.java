package org.complaintdesk.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The networks Complaint Desk listens to. */
public enum Network {
  DEMO,
  X,
  MASTODON,
  BLUESKY,
  REDDIT,
  RSS,
  WEBHOOK;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Network fromKey(String key) {
    if (key != null) {
      for (Network n : values()) {
        if (n.key().equalsIgnoreCase(key.trim())) {
          return n;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown network '" + key + "' (expected one of " + allKeys() + ")");
  }

  public static String allKeys() {
    return Arrays.stream(values()).map(Network::key).collect(Collectors.joining(", "));
  }
}
