package org.complaintdesk.sentiment.english;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.complaintdesk.sentiment.lexicon.SentimentLexicon.Hit;
import org.junit.jupiter.api.Test;

class EnglishEvidenceTest {
  @Test
  void functionWordsScoredBySentiConAreNotShownAsReasons() {
    // "Dear @AeroJet, my suitcase is in Madrid and I am in Oslo. Any update would be nice"
    List<Hit> hits =
        List.of(
            new Hit("in", 0.33, false, "in"),
            new Hit("Dear", 0.33, false, "Dear"),
            new Hit("be", 0.31, false, "be"),
            new Hit("nice", 0.25, false, "nice"),
            new Hit("The", 0.1, false, "The"));
    assertThat(EnglishDetractorAnalyzer.sentimentWordsOnly(hits))
        .extracting(Hit::text)
        .containsExactly("Dear", "nice");
  }

  @Test
  void aNegatedHitStaysWhateverItsWord() {
    List<Hit> hits = List.of(new Hit("with", 0.2, true, "not with"));
    assertThat(EnglishDetractorAnalyzer.sentimentWordsOnly(hits)).hasSize(1);
  }
}
