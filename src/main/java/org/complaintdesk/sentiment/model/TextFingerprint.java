package org.complaintdesk.sentiment.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * 64-bit fingerprints of post texts (case and spacing ignored), so that a model can say which posts
 * it was trained on without storing them, and {@code evaluate} can refuse to report on them.
 */
public final class TextFingerprint {
  private TextFingerprint() {}

  public static long of(String text) {
    String norm = String.join(" ", text.toLowerCase(Locale.ROOT).trim().split("\\s+"));
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(norm.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(d).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sorted, distinct fingerprints, for {@link #contains}. */
  public static long[] sortedSet(Collection<String> texts) {
    return texts.stream().mapToLong(TextFingerprint::of).sorted().distinct().toArray();
  }

  public static boolean contains(long[] sorted, String text) {
    return sorted != null && Arrays.binarySearch(sorted, of(text)) >= 0;
  }
}
