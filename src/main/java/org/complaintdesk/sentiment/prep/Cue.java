package org.complaintdesk.sentiment.prep;

/**
 * Something in a post that says more than its words: an emoji, a shouted word, an elongation, a
 * complaint phrase. {@code text} is the original wording, as the responder will see it.
 *
 * @param polarity negative below zero, positive above, zero when the cue only intensifies
 */
public record Cue(Kind kind, String text, double polarity) {
  public enum Kind {
    EMOJI,
    EMOTICON,
    ELONGATION,
    SHOUTING,
    HASHTAG,
    HANDLE,
    URL,
    EXCLAMATION,
    QUESTION,
    COMPLAINT,
    LEXICON,
    NEGATION
  }
}
