package org.complaintdesk.sentiment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void threeClassFigures() {
    Metrics m = new Metrics();
    m.add("negative", "negative");
    m.add("negative", "neutral");
    m.add("neutral", "neutral");
    m.add("positive", "positive");
    m.add("positive", null); // unscored: not negative
    assertThat(m.accuracy3()).isEqualTo(0.6);
    assertThat(m.recall("negative")).isEqualTo(0.5);
    assertThat(m.precision("negative")).isEqualTo(1.0);
    assertThat(m.macroRecall()).isEqualTo((0.5 + 1 + 0.5) / 3);
    // neg: p=1 r=.5 f1=.667; rest: tn=3, fn=1, fp=0 -> p=.75 r=1 f1=.857
    assertThat(m.negVsRestMacroF1())
        .isCloseTo((2 / 3.0 + 6 / 7.0) / 2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.figures()).containsKeys("acc3", "macro_f1_3", "macro_recall3");
    assertThat(m.confusionMatrix()).contains("unscored");
  }

  @Test
  void twoClassFilesOmitThreeClassKeys() {
    Metrics m = new Metrics();
    m.add("negative", "negative");
    m.add("not_negative", "positive");
    assertThat(m.figures()).doesNotContainKeys("acc3", "macro_f1_3", "macro_recall3");
    assertThat(m.figures().get("negvsrest_macro_f1")).isEqualTo("1.0000");
  }

  @Test
  void threeClassFiguresComeFromTheLabelAndNegativeOnesFromTheFlag() {
    // A calm complaint: labelled neutral, flagged. An angry aside: labelled negative, not flagged.
    Metrics labels = new Metrics();
    Metrics flags = new Metrics();
    labels.add("negative", "neutral");
    flags.add("negative", "negative");
    labels.add("neutral", "negative");
    flags.add("neutral", Metrics.UNFLAGGED);
    labels.add("positive", "positive");
    flags.add("positive", Metrics.UNFLAGGED);

    var figures = Metrics.figures(labels, flags);
    assertThat(figures.get("acc3")).isEqualTo(Metrics.fmt(1 / 3.0));
    assertThat(figures.get("neg_recall")).isEqualTo("1.0000");
    assertThat(figures.get("negvsrest_macro_f1")).isEqualTo("1.0000");
    assertThat(labels.figures().get("negvsrest_macro_f1")).isEqualTo("0.2500");
    assertThat(flags.flagMatrix()).contains("flagged").contains("unflagged");
  }
}
