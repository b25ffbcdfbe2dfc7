package org.complaintdesk.sentiment.english;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LazySentenceEncoderTest {
  private static SentenceEncoder fixed(String name, int dimensions) {
    return new SentenceEncoder() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public float[] encode(String text) {
        float[] v = new float[dimensions];
        v[0] = text.length();
        return v;
      }

      @Override
      public int dimensions() {
        return dimensions;
      }
    };
  }

  @Test
  void opensTheEncoderOnTheFirstPostOnlyAndOnce() {
    AtomicInteger opened = new AtomicInteger();
    LazySentenceEncoder lazy =
        new LazySentenceEncoder(
            "big",
            3,
            () -> {
              opened.incrementAndGet();
              return fixed("big", 3);
            });
    assertThat(lazy.name()).isEqualTo("big");
    assertThat(lazy.dimensions()).isEqualTo(3);
    assertThat(opened).hasValue(0);

    assertThat(lazy.encode("four")[0]).isEqualTo(4f);
    assertThat(lazy.encodeAll(List.of("a", "abc"))).hasDimensions(2, 3);
    assertThat(opened).hasValue(1);
  }

  @Test
  void refusesAnEncoderThatIsNotTheOneItStandsFor() {
    LazySentenceEncoder lazy = new LazySentenceEncoder("big", 3, () -> fixed("big", 5));
    assertThatThrownBy(() -> lazy.encode("x")).hasMessageContaining("not the expected big/3");
  }

  @Test
  void anInterruptedCallerDoesNotBreakTheOpenForTheNextOne() throws Exception {
    CountDownLatch opening = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger opened = new AtomicInteger();
    LazySentenceEncoder lazy =
        new LazySentenceEncoder(
            "big",
            3,
            () -> {
              opened.incrementAndGet();
              opening.countDown();
              try {
                // A native library load would fail if this thread were interrupted here.
                release.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException("the open itself was interrupted", e);
              }
              return fixed("big", 3);
            });
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                lazy.encode("x");
              } catch (RuntimeException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              }
            });
    worker.start();
    opening.await();
    worker.interrupt();
    worker.join(5_000);
    assertThat(failure.get()).hasMessageContaining("interrupted while big-encoder opens");
    assertThat(stillInterrupted.get()).isTrue();

    release.countDown();
    assertThat(lazy.encode("four")[0]).isEqualTo(4f);
    assertThat(opened).hasValue(1);
  }

  @Test
  void aFailedOpenIsTriedAgain() {
    AtomicInteger attempts = new AtomicInteger();
    LazySentenceEncoder lazy =
        new LazySentenceEncoder(
            "big",
            3,
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
              }
              return fixed("big", 3);
            });
    assertThatThrownBy(() -> lazy.encode("x")).hasMessageContaining("disk full");
    assertThat(lazy.encode("four")[0]).isEqualTo(4f);
    assertThat(attempts).hasValue(2);
  }
}
