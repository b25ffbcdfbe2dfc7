package org.complaintdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void dropsControlCharactersButKeepsLineBreaksJoinersAndEmoji() {
    assertThat(TextNormalizer.normalize(" a\u0000b\u0007c\nd\te ")).isEqualTo("abc\nd\te");
    assertThat(TextNormalizer.normalize("می‌خواهم 👩‍👩‍👧")).isEqualTo("می‌خواهم 👩‍👩‍👧");
    assertThat(TextNormalizer.normalize(null)).isEmpty();
  }

  @Test
  void composesToNfc() {
    assertThat(TextNormalizer.normalize("e\u0301")).isEqualTo("\u00e9");
  }
}
