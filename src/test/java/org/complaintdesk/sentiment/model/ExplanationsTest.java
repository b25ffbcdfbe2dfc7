package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.complaintdesk.sentiment.SentimentResult.Evidence;
import org.complaintdesk.sentiment.lexicon.EmojiLexicon;
import org.complaintdesk.sentiment.prep.PreparedText;
import org.complaintdesk.sentiment.prep.SocialTextPreparer;
import org.junit.jupiter.api.Test;

/**
 * A character n-gram layer reads a word through many small weights; its evidence sums them per
 * word, so a flag with no single heavy feature still says which words drove it.
 */
class ExplanationsTest {
  private static final SocialTextPreparer PREPARER =
      new SocialTextPreparer(new EmojiLexicon(Map.of()));

  /** A 2-label layer whose given features each push towards negative by {@code push}. */
  private static LinearClassifier<String, String> layer(Map<String, Double> pushes) {
    Index<String> features = new HashIndex<>();
    Index<String> labels = new HashIndex<>(List.of(LabelledPost.NEGATIVE, LabelledPost.POSITIVE));
    double[][] weights = new double[pushes.size()][2];
    int i = 0;
    for (var e : pushes.entrySet()) {
      features.add(e.getKey());
      weights[i++][0] = e.getValue();
    }
    return new LinearClassifier<>(weights, features, labels);
  }

  private static List<Evidence> explain(String text, Map<String, Double> pushes) {
    PreparedText prepared = PREPARER.prepare(text);
    List<Evidence> out = new ArrayList<>();
    Explanations.learnedWordsByPieces(
        layer(pushes),
        LabelledPost.POSITIVE,
        NgramFeatures.featuresByWord(prepared, null),
        text,
        "learned word",
        out);
    return out;
  }

  @Test
  void manySmallCharacterNgramWeightsAddUpToOneWord() {
    // No feature alone reaches the bar (0.8), nor even the weak bar (0.25); together they do.
    List<Evidence> evidence =
        explain(
            "Lieferung Verspätet heute",
            Map.of("c:versp", 0.2, "c:spät", 0.2, "c:ätet", 0.2, "c:tet ", 0.2, "c: ve", 0.1));
    assertThat(evidence).hasSize(1);
    Evidence e = evidence.get(0);
    assertThat(e.text()).as("quoted as written").isEqualTo("Verspätet");
    assertThat(e.kind()).isEqualTo("learned word");
    assertThat(e.weight()).isEqualTo(-0.225); // push 0.9, shown as a quarter
  }

  @Test
  void aSmallerSumIsAWeakItemAndATinyOneNone() {
    List<Evidence> evidence =
        explain("kalt und spät", Map.of("c:spät", 0.3, "c:kal", 0.1, "w:und", 0.05));
    assertThat(evidence)
        .extracting(Evidence::text, Evidence::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("spät", "learned word (weak)"));
    assertThat(evidence.get(0).weak()).isTrue();
  }

  @Test
  void aFeatureTwoWordsShareCountsHalfForEach() {
    // The bigram is in both of its words; alone it would make one of them a weak item.
    List<Evidence> evidence = explain("sehr schlecht", Map.of("b:sehr_schlecht", 0.4));
    assertThat(evidence).isEmpty();
    assertThat(explain("sehr schlecht", Map.of("b:sehr_schlecht", 0.6)))
        .extracting(Evidence::text)
        .containsExactlyInAnyOrder("sehr", "schlecht");
  }

  @Test
  void placeholdersAreNotTheAuthorsWords() {
    assertThat(explain("@kitebank hallo", Map.of("w:<user>", 2.0))).isEmpty();
  }

  @Test
  void theWordsFeaturesAreExactlyTheWordFeaturesTheLayerReads() {
    PreparedText prepared = PREPARER.prepare("@kitebank Karte nicht angekommen!! https://x.y");
    Set<String> byWord = new HashSet<>();
    NgramFeatures.featuresByWord(prepared, "de").values().forEach(byWord::addAll);
    Set<String> read = new HashSet<>(NgramFeatures.extract(prepared, List.of(), "de").keySet());
    read.removeIf(f -> f.equals("bias") || f.startsWith("cue:") || f.startsWith("emoji:"));
    assertThat(byWord).isEqualTo(read);
    assertThat(NgramFeatures.featuresByWord(prepared, "de").get("nicht"))
        .contains("b:karte_nicht", "b:nicht_angekommen", "w:nicht", "c:nic");
  }
}
