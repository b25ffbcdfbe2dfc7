package org.complaintdesk.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.stats.ClassicCounter;
import java.util.List;
import org.complaintdesk.sentiment.model.LabelledPost;
import org.junit.jupiter.api.Test;

/** The label says what the post's tone is; the detractor flag says whether it needs an answer. */
class VerdictTest {
  private static final List<SentimentResult.Evidence> EVIDENCE =
      List.of(
          new SentimentResult.Evidence("still waiting", "complaint cue: waiting", -0.6),
          new SentimentResult.Evidence("thanks", "lexicon word", 0.4));

  private static SentimentResult verdict(double detractor, double negative, double neutral) {
    return verdict(detractor, negative, neutral, false);
  }

  private static SentimentResult verdict(
      double detractor, double negative, double neutral, boolean complaint) {
    double positive = 1 - negative - neutral;
    return Verdict.of(
        detractor, negative, neutral, positive, 0.4, complaint, "en", List.of(), EVIDENCE, "test");
  }

  @Test
  void aCalmFlaggedPostThatIsNoComplaintKeepsItsNeutralLabel() {
    SentimentResult r = verdict(0.55, 0.2, 0.6);
    assertThat(r.detractor()).isTrue();
    assertThat(r.detractorProbability()).isEqualTo(0.55);
    assertThat(r.label()).isEqualTo("neutral");
    // The evidence explains the flag, the decision a responder acts on.
    assertThat(r.evidence())
        .extracting(SentimentResult.Evidence::text)
        .first()
        .isEqualTo("still waiting");
  }

  @Test
  void aCalmFlaggedComplaintIsLabelledNegative() {
    SentimentResult r = verdict(0.55, 0.2, 0.6, true);
    assertThat(r.detractor()).isTrue();
    assertThat(r.label()).as("a bad experience, however calm").isEqualTo("negative");
    assertThat(r.confidence()).isEqualTo(0.55);
    assertThat(verdict(0.35, 0.2, 0.6, true).label())
        .as("a complaint below the detractor threshold keeps its tone")
        .isEqualTo("neutral");
  }

  @Test
  void anAngryPostThatIsNoComplaintIsLabelledNegativeWithoutAFlag() {
    SentimentResult r = verdict(0.3, 0.45, 0.35);
    assertThat(r.label()).isEqualTo("negative");
    assertThat(r.detractor()).isFalse();
    assertThat(r.confidence()).isEqualTo(0.45);
  }

  @Test
  void oneProbabilityForBothDecisionsGivesTheSameAnswerTwice() {
    SentimentResult r = verdict(0.5, 0.5, 0.3);
    assertThat(r.label()).isEqualTo("negative");
    assertThat(r.detractor()).isTrue();
    SentimentResult calm = verdict(0.1, 0.1, 0.3);
    assertThat(calm.label()).isEqualTo("positive");
    assertThat(calm.detractor()).isFalse();
    assertThat(calm.score()).isEqualTo(0.5);
  }

  /** The languages without a complaint layer: their complaint flag comes from complaint cues. */
  private static SentimentResult withCues(int cues, double negative, double neutral) {
    var p = new ClassicCounter<String>();
    p.setCount(LabelledPost.NEGATIVE, negative);
    p.setCount(LabelledPost.NEUTRAL, neutral);
    p.setCount(LabelledPost.POSITIVE, 1 - negative - neutral);
    return Verdict.of(p, 0.4, cues, "es", List.of(), EVIDENCE, "test");
  }

  @Test
  void aCueInACalmPostMakesAComplaintAndADetractorAsInEnglish() {
    SentimentResult r = withCues(1, 0.2, 0.6);
    assertThat(r.complaint()).isTrue();
    // noisy-or of P(negative) 0.2 and the cue's 0.4: 1 - 0.8 * 0.6
    assertThat(r.detractorProbability()).isEqualTo(0.52);
    assertThat(r.detractor()).isTrue();
    assertThat(r.label()).as("a flagged complaint, however calm").isEqualTo("negative");
    assertThat(r.evidence())
        .extracting(SentimentResult.Evidence::text)
        .first()
        .isEqualTo("still waiting");
    SentimentResult none = withCues(0, 0.2, 0.6);
    assertThat(none.complaint()).as("no cue, no complaint").isFalse();
    assertThat(none.detractorProbability()).as("P(negative) alone").isEqualTo(0.2);
    assertThat(none.label()).isEqualTo("neutral");
  }

  @Test
  void anAngrierComplaintStillRanksAboveACalmerOne() {
    assertThat(withCues(1, 0.6, 0.3).detractorProbability())
        .isGreaterThan(withCues(1, 0.2, 0.6).detractorProbability())
        .isEqualTo(0.76);
  }

  @Test
  void oneCueInAHappyPostIsNoComplaintButTwoAre() {
    assertThat(withCues(1, 0.1, 0.2).label()).isEqualTo("positive");
    assertThat(withCues(1, 0.1, 0.2).complaint()).as("thanks for the quick refund").isFalse();
    assertThat(withCues(1, 0.1, 0.2).detractorProbability()).isEqualTo(0.1);
    assertThat(withCues(1, 0.3, 0.1).complaint()).as("positive, but not without anger").isTrue();
    assertThat(withCues(2, 0.1, 0.2).complaint()).as("no internet, nobody answers").isTrue();
  }

  private static SentimentResult.Evidence weak(String text, double weight) {
    return new SentimentResult.Evidence(
        text, "learned word" + SentimentResult.Evidence.WEAK_SUFFIX, weight);
  }

  private static SentimentResult flaggedWith(List<SentimentResult.Evidence> evidence) {
    return Verdict.of(0.6, 0.6, 0.3, 0.1, 0.4, false, "de", List.of(), evidence, "test");
  }

  @Test
  void weakItemsExplainAFlagOnlyWhenNothingStrongerDoes() {
    List<SentimentResult.Evidence> weakOnes =
        List.of(
            weak("aa", -0.1),
            weak("bb", -0.2),
            weak("cc", -0.15),
            weak("dd", -0.07),
            weak("ee", 0.2));
    assertThat(flaggedWith(weakOnes).evidence())
        .as("the biggest three that push towards negative, strongest first")
        .extracting(SentimentResult.Evidence::text)
        .containsExactly("bb", "cc", "aa");

    List<SentimentResult.Evidence> withAStrongOne = new java.util.ArrayList<>(weakOnes);
    withAStrongOne.add(new SentimentResult.Evidence("nie wieder", "complaint cue", -0.67));
    assertThat(flaggedWith(withAStrongOne).evidence())
        .extracting(SentimentResult.Evidence::text)
        .containsExactly("nie wieder");
  }

  @Test
  void aNeutralPostGetsNoWeakItems() {
    SentimentResult r =
        Verdict.of(
            0.1, 0.1, 0.8, 0.1, 0.4, false, "de", List.of(), List.of(weak("bb", -0.2)), "test");
    assertThat(r.label()).isEqualTo("neutral");
    assertThat(r.evidence()).isEmpty();
  }
}
