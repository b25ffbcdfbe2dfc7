package org.complaintdesk.sentiment.english;

import java.util.List;
import java.util.function.Supplier;

/**
 * Opens a heavy encoder on its first {@code encode}, so a process whose model never uses it (or a
 * test that only trains small layers) does not pay its load time and memory. Its name and size are
 * known up front, which is all that deciding whether a layer uses it needs.
 */
public final class LazySentenceEncoder implements SentenceEncoder {
  private final String name;
  private final int dimensions;
  private final Supplier<? extends SentenceEncoder> opener;
  private volatile SentenceEncoder opened;

  public LazySentenceEncoder(
      String name, int dimensions, Supplier<? extends SentenceEncoder> opener) {
    this.name = name;
    this.dimensions = dimensions;
    this.opener = opener;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public float[] encode(String text) {
    return encoder().encode(text);
  }

  @Override
  public float[][] encodeAll(List<String> texts) {
    return encoder().encodeAll(texts);
  }

  private SentenceEncoder encoder() {
    SentenceEncoder e = opened;
    if (e == null) {
      synchronized (this) {
        e = opened;
        if (e == null) {
          e = opener.get();
          if (e.dimensions() != dimensions || !e.name().equals(name)) {
            throw new IllegalStateException(
                "encoder " + e.name() + " is not the expected " + name + "/" + dimensions);
          }
          opened = e;
        }
      }
    }
    return e;
  }
}
