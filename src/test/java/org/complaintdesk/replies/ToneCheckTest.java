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
}
