package org.complaintdesk.sentiment.english;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Something heavy (an encoder, a network on it) opened on first use, so a process that never uses
 * it (or a test that only trains small layers) does not pay its load time and memory.
 *
 * <p>The open runs on a thread of its own that the callers wait for. Why: loading a native library
 * (TensorFlow's, through JavaCPP) in a thread that is interrupted meanwhile, as a scoring worker is
 * at shutdown, fails the library's class initialisation for the rest of the process; every later
 * post would then fail too. An interrupted caller stops waiting (its interrupt flag set, so the
 * worker leaves the mention pending) while the open completes for the next one. A failed open is
 * tried again by the next caller.
 */
public final class LazyOpen<T> implements Supplier<T> {
  private final String name;
  private final Supplier<? extends T> opener;
  private final AtomicReference<CompletableFuture<T>> opening = new AtomicReference<>();

  /**
   * @param name what is opened, for the thread's name and errors
   */
  public LazyOpen(String name, Supplier<? extends T> opener) {
    this.name = name;
    this.opener = opener;
  }

  /** The opened thing, opening it first if no one has. */
  @Override
  public T get() {
    CompletableFuture<T> future = opening.get();
    if (future == null) {
      CompletableFuture<T> mine = new CompletableFuture<>();
      if (opening.compareAndSet(null, mine)) {
        Thread t = new Thread(() -> open(mine), "open-" + name);
        t.setDaemon(true);
        t.start();
      }
      future = opening.get();
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + name + " opens", e);
    } catch (ExecutionException e) {
      opening.compareAndSet(future, null);
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("cannot open " + name, e.getCause());
    }
  }

  private void open(CompletableFuture<T> result) {
    try {
      result.complete(opener.get());
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }
}
