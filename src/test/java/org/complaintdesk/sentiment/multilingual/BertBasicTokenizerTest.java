package org.complaintdesk.sentiment.multilingual;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BertBasicTokenizerTest {
  @Test
  void splitsAroundPunctuationAndKeepsCaseAndAccents() {
    assertThat(BertBasicTokenizer.tokenize("Très déçu!! Où est mon remboursement?"))
        .containsExactly("Très", "déçu", "!", "!", "Où", "est", "mon", "remboursement", "?");
  }

  @Test
  void keepsArabicAndDevanagariMarksThatAccentStrippingWouldRemove() {
    assertThat(BertBasicTokenizer.tokenize("الخدمة سيئة، أين طلبي؟"))
        .containsExactly("الخدمة", "سيئة", "،", "أين", "طلبي", "؟");
    assertThat(BertBasicTokenizer.tokenize("सेवा बहुत खराब है")).contains("खराब");
  }

  @Test
  void masksHandlesAndLinksAsTheTrainingTweetsDo() {
    assertThat(BertBasicTokenizer.tokenize("@KiteBank see https://t.co/x1 now"))
        .containsExactly("@", "user", "see", "http", "now");
  }

  @Test
  void dropsControlCharactersAndSplitsIdeographs() {
    assertThat(BertBasicTokenizer.tokenize("bad\u0000\u200Bservice 服务差"))
        .containsExactly("badservice", "服", "务", "差");
  }
}
