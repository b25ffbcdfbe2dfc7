package org.complaintdesk.sentiment.english;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
}
