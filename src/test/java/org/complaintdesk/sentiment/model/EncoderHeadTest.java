package org.complaintdesk.sentiment.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.List;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.SentimentResult;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.Test;

/**
 * A layer over multilingual BERT's numbers alone is mixed into an n-gram layer only where
 * cross-validation says the mix beats the layer, with the weight it chose; the analyser then mixes
 * the two layers' probabilities on the posts that ran BERT.
 */
class EncoderHeadTest {
  private static final double THRESHOLD = 0.4;

  /** Even posts are negative. */
  private static boolean[] gold(int n) {
    boolean[] gold = new boolean[n];
    for (int i = 0; i < n; i++) {
      gold[i] = i % 2 == 0;
    }
    return gold;
  }

  /** Sure and right on the first half of the posts, unsure and wrong on the second. */
  private static double[] rightOnFirstHalf(boolean[] gold) {
    double[] p = new double[gold.length];
    for (int i = 0; i < p.length; i++) {
      boolean first = i < p.length / 2;
      p[i] = first ? (gold[i] ? 0.9 : 0.1) : (gold[i] ? 0.35 : 0.45);
    }
    return p;
  }

  private static double[] reversed(double[] p) {
    double[] r = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      r[i] = p[(i + p.length / 2) % p.length];
    }
    return r;
  }

  @Test
  void aHeadThatErrsOnOtherPostsIsMixedInAtTheSmallestWeightThatFixesThem() {
    boolean[] gold = gold(100);
    double[] layer = rightOnFirstHalf(gold);
    // The head is right where the layer is wrong (the halves swapped; gold alternates, so the
    // shift by 50 keeps every post's label).
    double[] head = reversed(layer);

    EncoderHead.Choice choice = EncoderHead.choose(gold, layer, 1.0, head, THRESHOLD);

    assertThat(choice.layerMacroF1()).isLessThan(0.8);
    assertThat(choice.macroF1()).isEqualTo(1.0);
    // At 0.125 the second half's other posts (0.406) stay over the threshold with its negatives
    // (0.419), and no odds step falls between them; 0.25 separates them.
    assertThat(choice.weight()).isEqualTo(0.25);
    assertThat(choice.outOfFold()).containsExactly(EncoderHead.mix(layer, head, 0.25));
    assertThat(choice.toString()).contains("mixed in at weight 0.25");
  }

  @Test
  void aHeadThatAddsNothingIsNotMixedInAndTheLayerKeepsItsOdds() {
    boolean[] gold = gold(100);
    double[] layer = rightOnFirstHalf(gold);
    // As in train: the layer comes with the odds its own cross-validation chose.
    double odds = CrossValidatedDecision.bestOdds(gold, layer, THRESHOLD)[0];

    EncoderHead.Choice choice = EncoderHead.choose(gold, layer, odds, layer.clone(), THRESHOLD);

    assertThat(odds).isNotEqualTo(1.0);
    assertThat(choice.weight()).isZero();
    assertThat(choice.negativeOdds()).isEqualTo(odds);
    assertThat(choice.macroF1()).isEqualTo(choice.layerMacroF1());
    assertThat(choice.outOfFold()).isSameAs(layer);
    assertThat(choice.toString()).contains("not mixed in");
  }

  @Test
  void weightsOutsideTheUnitIntervalAreRefused() {
    assertThatThrownBy(() -> new EncoderHead(null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EncoderHead(null, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Reads the stand-in's one-hot label numbers the wrong way round: negative is positive. */
  private static LinearClassifier<String, String> invertedHead(String encoder) {
    RVFDataset<String, String> data = new RVFDataset<>();
    String[] labels = {LabelledPost.POSITIVE, LabelledPost.NEUTRAL, LabelledPost.NEGATIVE};
    for (int copy = 0; copy < 5; copy++) {
      for (int k = 0; k < 3; k++) {
        Counter<String> f = new ClassicCounter<>();
        f.setCount(encoder + ":" + k, 10);
        data.add(new RVFDatum<>(f, labels[k]));
      }
    }
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
    factory.setSigma(1.0);
    factory.setVerbose(false);
    return factory.trainClassifier(data);
  }

  @Test
  void theAnalyzerMixesTheHeadIntoThePostsThatRanTheEncoder() {
    LabelKnowingEncoder knowsTheLabel = new LabelKnowingEncoder("stand-in");
    List<LabelledPost> posts = knowsTheLabel.germanPosts(300, 11);
    SentimentComponents c = SharedScorer.components();
    DetractorModel model =
        knowsTheLabel.multilingualTrainer(c, THRESHOLD).train(posts, List.of("stand-in"), "t");
    LinearClassifier<String, String> inverted = invertedHead("stand-in");
    String negative = posts.get(0).text();

    SentimentResult layerAlone =
        knowsTheLabel.german(c, model, THRESHOLD, null, 1.0).analyze(negative);
    SentimentResult headAlone =
        knowsTheLabel
            .german(c, model, THRESHOLD, new EncoderHead(inverted, 1.0), 1.0)
            .analyze(negative);
    SentimentResult half =
        knowsTheLabel
            .german(c, model, THRESHOLD, new EncoderHead(inverted, 0.5), 1.0)
            .analyze(negative);

    assertThat(layerAlone.model()).contains("+stand-in");
    assertThat(layerAlone.detractor()).isTrue();
    assertThat(headAlone.detractor()).isFalse();
    assertThat(half.detractorProbability())
        .isCloseTo(
            (layerAlone.detractorProbability() + headAlone.detractorProbability()) / 2,
            within(1e-9));
  }
}
