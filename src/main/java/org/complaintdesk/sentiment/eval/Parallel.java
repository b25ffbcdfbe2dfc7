package org.complaintdesk.sentiment.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Maps a list on a fixed pool, keeping order, with progress on stderr for long runs. */
final class Parallel {
  private Parallel() {}

  static <T, R> List<R> map(List<T> items, int threads, String what, Function<T, R> f)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(
            pool.submit(
                () -> {
                  R r = f.apply(item);
                  int d = done.incrementAndGet();
                  if (d % 1000 == 0) {
                    System.err.printf("  %s: %d/%d%n", what, d, items.size());
                  }
                  return r;
                }));
      }
      List<R> out = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        out.add(future.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
