package org.complaintdesk.sentiment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.sentiment.model.LabelledPost;
import org.junit.jupiter.api.Test;

/** `evaluate --baseline-sample N`: up to N posts per language, the same posts every run. */
class BaselineSampleTest {
  private static List<LabelledPost> posts() {
    List<LabelledPost> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      out.add(new LabelledPost("e" + i, "negative", "en", "text " + i, 1, "sentiment"));
    }
    for (int i = 0; i < 3; i++) {
      out.add(new LabelledPost("a" + i, "neutral", "ar", "نص " + i, 1, "sentiment"));
    }
    return out;
  }

  @Test
  void takesUpToNPerLanguageDeterministicallyInFileOrder() {
    List<Integer> first = EvaluateCommand.stratifiedSample(posts(), 5);
    assertThat(first).hasSize(8); // 5 en + all 3 ar
    assertThat(first).isSorted();
    assertThat(first.stream().filter(i -> i >= 30)).containsExactly(30, 31, 32);
    assertThat(EvaluateCommand.stratifiedSample(posts(), 5)).isEqualTo(first);
    assertThat(first.stream().filter(i -> i < 30)).doesNotContainSequence(0, 1, 2, 3, 4);
  }
}
