package org.complaintdesk.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tone check with the real sentiment component (CoreNLP, loaded once per test JVM). */
@Tag("slow")
class ToneCheckTest {
  final ToneCheck tone = new ToneCheck(ToneCheck.fromSentiment(SharedScorer.get()), 0.6);

  @Test
  void shouldWarnAboutARudeDraft() {
    var r = tone.check("This is a stupid complaint and you are an idiot. Stop whining.");
    assertThat(r.rude()).isTrue();
    assertThat(r.warning()).contains("confirm");
  }

  @Test
  void shouldLetAPoliteDraftThrough() {
    var r =
        tone.check("Thank you for your patience. We are happy to help and will fix this today.");
    assertThat(r.rude()).isFalse();
    assertThat(r.warning()).isNull();
  }

  @Test
  void theToneOfADraftIsItsNegativityNotWhetherItReadsLikeAComplaint() {
    // A calm complaint: the product scorer flags it through the complaint layer, while the tone
    // scorer, which leaves that layer out, sees a text that is not rude.
    String calmComplaint = "Still waiting for my refund for order 1234, please fix it.";
    var product = SharedScorer.get().score(calmComplaint);
    var tone = SharedScorer.get().forTone().score(calmComplaint);
    assertThat(product.complaint()).isTrue();
    assertThat(tone.detractorProbability()).isLessThan(product.detractorProbability());
    assertThat(this.tone.check(calmComplaint).rude()).isFalse();
  }
}
