package org.complaintdesk.sentiment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.sentiment.SentimentResult.Evidence;
import org.complaintdesk.sentiment.model.LabelledPost;
import org.junit.jupiter.api.Test;

/** `evaluate` says how many of the cases it would open come without a reason a responder sees. */
class EvidenceCoverageTest {
  private static SentimentResult result(boolean detractor, boolean complaint, Evidence... ev) {
    return new SentimentResult(
        SentimentResult.SCORED,
        "negative",
        -0.5,
        detractor ? 0.7 : 0.1,
        detractor,
        complaint,
        0.7,
        "de",
        List.of(),
        List.of(ev),
        "test",
        null);
  }

  private static LabelledPost post(String lang) {
    return new LabelledPost("x", "negative", lang, "text", 1, "sentiment");
  }

  @Test
  void countsCasesWithNoEvidenceAndWithWeakItemsOnlyPerLanguage() {
    Evidence cue = new Evidence("nie wieder", "complaint cue", -0.67);
    Evidence weak = new Evidence("Stunden", "learned word" + Evidence.WEAK_SUFFIX, -0.1);
    var coverage =
        EvidenceCoverage.tally(
            List.of(post("de"), post("de"), post("de"), post("ar"), post("ar")),
            List.of(
                result(true, false, cue),
                result(true, false, weak),
                result(false, true),
                result(true, false, weak, cue),
                result(false, false))); // no case: not counted
    assertThat(coverage.get("all").line())
        .isEqualTo("cases=4 unexplained=1 (0.2500) weak_only=1 (0.2500)");
    assertThat(coverage.get("lang=de").line())
        .isEqualTo("cases=3 unexplained=1 (0.3333) weak_only=1 (0.3333)");
    assertThat(coverage.get("lang=ar").unexplainedShare()).isZero();
  }
}
