package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The English layer's word-feature factor, chosen by leaving out one source at a time. */
class WordScaleTest {
  private final ModelTrainer trainer =
      new ModelTrainer(
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          new ModelTrainer.TrainingOptions(0.25, 0.5, 1, 20, 200, 0.4, null, null));

  @Test
  void leansLessOnWordsWhenEachSourcesNegativesHaveTheirOwnTopic() {
    // In each source, every negative post names that source's topic, while a tone feature that
    // both sources share is right 70% of the time. Within a source the topic word separates
    // perfectly; on the other source it is never there, so only the tone carries over.
    List<LabelledPost> posts = new ArrayList<>();
    List<Counter<String>> features = new ArrayList<>();
    for (String source : List.of("a.tsv", "b.tsv")) {
      for (int i = 0; i < 300; i++) {
        boolean negative = i % 3 == 0;
        boolean tone = negative ? i % 10 < 7 : i % 10 < 2;
        posts.add(
            new LabelledPost(
                source + i,
                negative ? "negative" : "neutral",
                "en",
                source + " post " + i,
                1,
                LabelledPost.SENTIMENT,
                source));
        Counter<String> f = new ClassicCounter<>();
        f.setCount("bias", 1);
        f.setCount("rntn:tone", tone ? 1 : 0);
        if (negative) {
          f.setCount("w:topic_" + source, 1);
        }
        f.setCount("w:filler" + i % 7, 1);
        features.add(f);
      }
    }
    ModelTrainer.GroupScaleChoice c = trainer.chooseFeatureGroups(posts, features);
    assertThat(c.sources()).containsExactly("a.tsv", "b.tsv");
    assertThat(c.scale().words()).isLessThan(1.0);
    assertThat(c.macroF1()).isGreaterThan(c.plainMacroF1());
  }

  @Test
  void needsTwoSourcesWithEnoughPosts() {
    List<LabelledPost> posts = new ArrayList<>();
    List<Counter<String>> features = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      posts.add(
          new LabelledPost(
              "p" + i,
              i % 2 == 0 ? "negative" : "neutral",
              "en",
              "post " + i,
              1,
              LabelledPost.SENTIMENT,
              i < 250 ? "big.tsv" : "small.tsv"));
      Counter<String> f = new ClassicCounter<>();
      f.setCount("w:x" + i % 2, 1);
      features.add(f);
    }
    assertThat(trainer.chooseFeatureGroups(posts, features)).isNull();
  }
}
