package org.complaintdesk.sentiment.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.complaintdesk.testing.SharedScorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fine-tunes the top four layers on a handful of posts (seconds, not the shipped model's half hour)
 * and scores with the result the way the analyser does.
 */
class ToneNetworkTrainerTest {
  private static final List<String> LABELS = List.of("negative", "neutral", "positive");
  private static final LowerLayers LOWER = (LowerLayers) SharedScorer.components().encoder();
  private static final PublishedNetwork E5 = PublishedNetwork.e5(LOWER);
  private static final List<ToneNetworkTrainer.Example> POSTS = new ArrayList<>();
  private static TunedLayers tuned;
  private static TunedNetwork network;

  static {
    add(
        0,
        "this is terrible, I hate it",
        "worst service ever, absolutely awful",
        "my order never arrived and nobody answers, furious",
        "the app keeps crashing, useless garbage",
        "so disappointed, I want my money back",
        "rude staff and a dirty room, never again",
        "flight cancelled again, you ruined my holiday",
        "I am sick of your broken promises");
    add(
        1,
        "the store opens at nine tomorrow",
        "what time does the meeting start",
        "the new timetable is published on the website",
        "we moved the office to the second floor",
        "the parcel is at the depot in Leeds",
        "is the pool open on Sundays",
        "the conference takes place in March",
        "our team uses the blue form for orders");
    add(
        2,
        "I love it, amazing work",
        "thank you so much, great job team",
        "best coffee in town, wonderful staff",
        "what a fantastic concert tonight",
        "delighted with the quick refund, thanks",
        "brilliant service, highly recommend",
        "so happy with my new phone",
        "the crew were lovely and kind");
  }

  private static void add(int label, String... texts) {
    for (String t : texts) {
      POSTS.add(new ToneNetworkTrainer.Example(t, label, 1f));
    }
  }

  @BeforeAll
  static void tune() {
    var options = new ToneNetworkTrainer.Options(4, 12, 1e-3f, 8, 0f, 0f, 7, 2, 1, false);
    tuned = new ToneNetworkTrainer(options, E5).train(POSTS, LABELS, "test posts").get(0);
    network = TunedNetwork.open(tuned, E5);
  }

  @AfterAll
  static void close() {
    network.close();
  }

  @Test
  void learnsTheToneOfThePostsItWasTunedOn() {
    int right = 0;
    for (ToneNetworkTrainer.Example e : POSTS) {
      double[] p = network.probabilities(e.text());
      right += argmax(p) == e.label() ? 1 : 0;
      assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
    assertThat(right).isGreaterThanOrEqualTo(22);
  }

  @Test
  void keepsOnlyTheTunedLayersChangesAndWhatItWasTrainedWith() {
    assertThat(tuned.firstTuned()).isEqualTo(8);
    assertThat(tuned.end()).as("e5's top layers: the network runs to its last").isEqualTo(12);
    assertThat(tuned.base()).isEqualTo(E5Weights.NAME);
    assertThat(tuned.changes().keySet())
        .allMatch(name -> TunedNetwork.layerOf(name) >= 8)
        .hasSize(4 * 16)
        .contains("8.query.w", "11.output.b", "11.norm2.gamma");
    assertThat(tuned.labels()).isEqualTo(LABELS);
    assertThat(tuned.trainedOn()).contains("test posts").contains("4 layers from layer 8");
  }

  @Test
  void tunesTheTopSixLayersOnLayerSixsOutput() {
    var options =
        new ToneNetworkTrainer.Options(4, 12, 1e-3f, 8, 0f, 0f, 7, 2, 1, false).withTunedLayers(6);
    TunedLayers six = new ToneNetworkTrainer(options, E5).train(POSTS, LABELS, "test posts").get(0);
    assertThat(six.firstTuned()).isEqualTo(6);
    assertThat(six.changes().keySet())
        .allMatch(name -> TunedNetwork.layerOf(name) >= 6)
        .hasSize(6 * 16)
        .contains("6.query.w");
    assertThat(six.trainedOn()).contains("6 layers from layer 6");
    try (TunedNetwork sixNetwork = TunedNetwork.open(six, E5)) {
      long right =
          POSTS.stream()
              .filter(e -> argmax(sixNetwork.probabilities(e.text())) == e.label())
              .count();
      assertThat(right).isGreaterThanOrEqualTo(22);
    }
  }

  @Test
  void anEnsembleTunesOneNetworkPerSeedEachStoredInEightBits() {
    var options =
        new ToneNetworkTrainer.Options(4, 12, 1e-3f, 8, 0f, 0f, 7, 2, 1, false).withNetworks(2);
    List<TunedLayers> two = new ToneNetworkTrainer(options, E5).train(POSTS, LABELS, "test posts");
    assertThat(two).hasSize(2);
    assertThat(two.get(0).trainedOn()).contains("seed 7, one of 2 networks");
    assertThat(two.get(1).trainedOn()).contains("seed 8, one of 2 networks");
    assertThat(two.get(1).head()).isNotEqualTo(two.get(0).head());
    for (TunedLayers member : two) {
      assertThat(member.changes()).isEmpty();
      assertThat(member.int8Changes().keySet()).isEqualTo(tuned.changes().keySet());
    }
    // The first member is the single network of the same seed, stored in 8 bits instead of 16:
    // it scores every post as that network does, to within a small part of a probability.
    try (TunedNetwork first = TunedNetwork.open(two.get(0), E5);
        TunedNetwork second = TunedNetwork.open(two.get(1), E5)) {
      SentimentNetwork mean = AveragedNetworks.of(List.of(first, second));
      long right = 0;
      for (ToneNetworkTrainer.Example e : POSTS) {
        double[] bf16 = network.probabilities(e.text());
        double[] int8 = first.probabilities(e.text());
        for (int c = 0; c < LABELS.size(); c++) {
          assertThat(int8[c]).as(e.text()).isCloseTo(bf16[c], within(0.02));
        }
        right += argmax(mean.probabilities(e.text())) == e.label() ? 1 : 0;
      }
      assertThat(right).isGreaterThanOrEqualTo(22);
    }
  }

  @Test
  void aModelFileRoundTripScoresTheSame() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tuned);
    }
    TunedLayers read;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (TunedLayers) in.readObject();
    }
    try (TunedNetwork again = TunedNetwork.open(read, E5)) {
      String post = "my parcel never came and support ignores me";
      assertThat(again.probabilities(post)).containsExactly(network.probabilities(post));
    }
  }

  @Test
  void outOfFoldProbabilitiesComeFromNetworksThatDidNotLearnThePost() {
    // Fold 1 holds every positive post: the network scoring it learned no positive post at all.
    int[] fold = POSTS.stream().mapToInt(e -> e.label() == 2 ? 1 : 0).toArray();
    var options = new ToneNetworkTrainer.Options(4, 12, 1e-3f, 8, 0f, 0f, 7, 2, 1, false);
    ToneNetworkTrainer.Tuning tuning =
        new ToneNetworkTrainer(options, E5).trainWithOutOfFold(POSTS, fold, 2, LABELS, "t");
    for (int i = 0; i < POSTS.size(); i++) {
      double[] p = tuning.outOfFold()[i];
      assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
      if (POSTS.get(i).label() == 2) {
        assertThat(p[2]).as(POSTS.get(i).text()).isLessThan(0.2);
        assertThat(network.probabilities(POSTS.get(i).text())[2]).isGreaterThan(0.5);
      }
    }
    // The network tuned on all posts is the one train() gives, change for change.
    TunedLayers all = tuning.tuned().get(0);
    assertThat(tuning.tuned()).hasSize(1);
    assertThat(all.changes().keySet()).isEqualTo(tuned.changes().keySet());
    tuned
        .changes()
        .forEach((name, change) -> assertThat(all.changes().get(name)).isEqualTo(change));
    assertThat(all.head()).isEqualTo(tuned.head());
  }

  @Test
  void refusesToTuneLayersThatDoNotSitOnTheEncodersOutput() {
    var options = new ToneNetworkTrainer.Options(2, 1, 1e-3f, 8, 0f, 0f, 7, 2, 1, false);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ToneNetworkTrainer(options, E5).train(POSTS, LABELS, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classWeightsAreInverseToEachClasssWeightedShare() {
    List<ToneNetworkTrainer.Example> posts =
        List.of(
            new ToneNetworkTrainer.Example("a", 0, 1f),
            new ToneNetworkTrainer.Example("b", 0, 1f),
            new ToneNetworkTrainer.Example("c", 1, 2f),
            new ToneNetworkTrainer.Example("d", 2, 4f));
    // total 8 over 3 classes: 8 / (3 × 2), 8 / (3 × 2), 8 / (3 × 4)
    assertThat(ToneNetworkTrainer.classWeights(posts, 3)).containsExactly(4f / 3, 4f / 3, 2f / 3);
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      best = p[i] > p[best] ? i : best;
    }
    return best;
  }
}
