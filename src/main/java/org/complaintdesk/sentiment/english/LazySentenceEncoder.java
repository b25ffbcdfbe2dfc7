package org.complaintdesk.sentiment.english;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Opens a heavy encoder on its first {@code encode}, so a process whose model never uses it (or a
 * test that only trains small layers) does not pay its load time and memory. Its name and size are
 * known up front, which is all that deciding whether a layer uses it needs.
 *
 * <p>The open runs on a thread of its own that the callers wait for. Why: loading a native library
 * (TensorFlow's, through JavaCPP) in a thread that is interrupted meanwhile, as a scoring worker is
 * at shutdown, fails the library's class initialisation for the rest of the process; every later
 * post would then fail too. An interrupted caller stops waiting (its interrupt flag set, so the
 * worker leaves the mention pending) while the open completes for the next one. A failed open is
 * tried again by the next caller.
 */
public final class LazySentenceEncoder implements SentenceEncoder {
  private final String name;
  private final int dimensions;
  private final Supplier<? extends SentenceEncoder> opener;
  private final AtomicReference<CompletableFuture<SentenceEncoder>> opening =
      new AtomicReference<>();

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
    CompletableFuture<SentenceEncoder> future = opening.get();
    if (future == null) {
      CompletableFuture<SentenceEncoder> mine = new CompletableFuture<>();
      if (opening.compareAndSet(null, mine)) {
        Thread t = new Thread(() -> open(mine), "open-" + name + "-encoder");
        t.setDaemon(true);
        t.start();
      }
      future = opening.get();
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the " + name + " encoder opens", e);
    } catch (ExecutionException e) {
      opening.compareAndSet(future, null);
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("cannot open the " + name + " encoder", e.getCause());
    }
  }

  private void open(CompletableFuture<SentenceEncoder> result) {
    try {
      SentenceEncoder e = opener.get();
      if (e.dimensions() != dimensions || !e.name().equals(name)) {
        throw new IllegalStateException(
            "encoder " + e.name() + " is not the expected " + name + "/" + dimensions);
      }
      result.complete(e);
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }
}
