package org.complaintdesk.sentiment.english;

import java.util.List;
import java.util.function.Supplier;

/**
 * Opens a heavy encoder on its first {@code encode} ({@link LazyOpen}). Its name and size are known
 * up front, which is all that deciding whether a layer uses it needs.
 */
public final class LazySentenceEncoder implements SentenceEncoder {
  private final String name;
  private final int dimensions;
  private final LazyOpen<SentenceEncoder> encoder;

  public LazySentenceEncoder(
      String name, int dimensions, Supplier<? extends SentenceEncoder> opener) {
    this.name = name;
    this.dimensions = dimensions;
    this.encoder = new LazyOpen<>(name + "-encoder", () -> checked(opener.get()));
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
    return encoder.get().encode(text);
  }

  @Override
  public float[][] encodeAll(List<String> texts) {
    return encoder.get().encodeAll(texts);
  }

  private SentenceEncoder checked(SentenceEncoder e) {
    if (e.dimensions() != dimensions || !e.name().equals(name)) {
      throw new IllegalStateException(
          "encoder " + e.name() + " is not the expected " + name + "/" + dimensions);
    }
    return e;
  }
}
