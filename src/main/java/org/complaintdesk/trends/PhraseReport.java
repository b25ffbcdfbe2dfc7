package org.complaintdesk.trends;

import java.time.Instant;
import java.util.List;

/**
 * Top complaint phrases in a range.
 *
 * @param mentionsScanned negative mentions read (at most the cap; {@code capped} says if reached)
 */
public record PhraseReport(
    Instant from, Instant to, int mentionsScanned, boolean capped, List<Phrase> phrases) {

  /**
   * @param source "evidence" (a phrase the sentiment model flagged) or "topic" (a frequent two-word
   *     phrase in the negative texts)
   * @param mentions distinct negative mentions containing it
   */
  public record Phrase(String phrase, String source, int mentions, List<Example> examples) {}

  public record Example(
      long mentionId, String network, String author, Instant postedAt, String text, String url) {}
}
