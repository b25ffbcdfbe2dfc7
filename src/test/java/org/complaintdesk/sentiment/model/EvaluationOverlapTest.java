package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvaluationOverlapTest {
  private static LabelledPost post(String lang, String label, String text) {
    return new LabelledPost(text, label, lang, text, 1, LabelledPost.SENTIMENT);
  }

  private static Set<Long> fingerprints(List<LabelledPost> posts) {
    return posts.stream().map(p -> TextFingerprint.of(p.text())).collect(Collectors.toSet());
  }

  @Test
  void dropsTheRemnantOfALanguageMostlyTakenByTheEvaluationFiles() {
    List<LabelledPost> english = new ArrayList<>();
    List<LabelledPost> arabic = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      english.add(post("en", i < 7 ? "neutral" : "negative", "english " + i));
      arabic.add(post("ar", "neutral", "arabic " + i));
    }
    List<LabelledPost> all = new ArrayList<>(english);
    all.addAll(arabic);
    // The evaluation file took 7 of 10 English posts (every neutral one) and 1 Arabic post.
    Set<Long> excluded = fingerprints(english.subList(0, 7));
    excluded.addAll(fingerprints(arabic.subList(0, 1)));
    Map<String, List<LabelledPost>> files = new LinkedHashMap<>();
    files.put("train.tsv", all);

    EvaluationOverlap.Result r = EvaluationOverlap.apply(files, excluded);

    assertThat(r.kept()).containsExactlyElementsOf(arabic.subList(1, 10));
    assertThat(r.log())
        .containsExactly(
            "train.tsv [en]: 7 of 10 posts occur in an evaluation file; the other 3 (labels"
                + " {negative=3}) are a remnant shaped by that overlap and are left out too",
            "train.tsv [ar]: 1 of 10 posts occur in an evaluation file and are left out");
  }

  @Test
  void keepsFilesWithoutOverlapWhole() {
    List<LabelledPost> posts = List.of(post(null, "positive", "a"), post(null, "negative", "b"));
    EvaluationOverlap.Result r =
        EvaluationOverlap.apply(
            Map.of("vader.tsv", posts), fingerprints(List.of(post(null, "neutral", "c"))));
    assertThat(r.kept()).containsExactlyElementsOf(posts);
    assertThat(r.log()).isEmpty();
  }
}
