package org.complaintdesk.sentiment.english;

import java.util.List;

/**
 * Turns a whole post into a fixed-length vector that carries its meaning, for the trained layers to
 * weigh next to CoreNLP's sentiment tree. Our own port, so tests and the rest of the code do not
 * depend on the library behind it.
 */
public interface SentenceEncoder {
  /** Short name, also the prefix of the features it adds (e.g. {@code e5}). */
  String name();

  /** The vector for one text; always {@link #dimensions()} long. Thread-safe. */
  float[] encode(String text);

  int dimensions();

  /**
   * The vectors for many texts, in their order; encoders that run faster in batches override it.
   */
  default float[][] encodeAll(List<String> texts) {
    return texts.stream().map(this::encode).toArray(float[][]::new);
  }
}
