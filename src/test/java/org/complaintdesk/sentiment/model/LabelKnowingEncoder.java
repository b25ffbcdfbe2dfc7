package org.complaintdesk.sentiment.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;
import org.complaintdesk.sentiment.network.SentimentNetwork;

/**
 * A stand-in sentence encoder that knows each registered post's label (one-hot over negative,
 * neutral, positive), which the post's words need not carry; it counts its calls.
 */
final class LabelKnowingEncoder implements SentenceEncoder {
  /** The three sentiment labels, in the order of the stand-in's numbers. */
  static final List<String> CLASSES =
      List.of(LabelledPost.NEGATIVE, LabelledPost.NEUTRAL, LabelledPost.POSITIVE);

  private final String name;
  private final Map<String, String> labels = new HashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  LabelKnowingEncoder(String name) {
    this.name = name;
  }

  /** Registers a post; unregistered texts read as neutral. */
  LabelledPost know(LabelledPost post) {
    labels.put(post.text(), post.label());
    return post;
  }

  /** A German sentiment post with id {@code "p" + i}, registered with its label. */
  LabelledPost knowGerman(int i, String label, String text) {
    return know(new LabelledPost("p" + i, label, "de", text, 1, LabelledPost.SENTIMENT));
  }

  AtomicInteger calls() {
    return calls;
  }

  /** A trainer with this stand-in as its multilingual encoder (no e5), small-data options. */
  ModelTrainer multilingualTrainer(SentimentComponents c, double threshold) {
    return new ModelTrainer(
        c.preparer(),
        c.english(),
        null,
        this,
        null,
        c.languages(),
        c::lexicon,
        new ModelTrainer.TrainingOptions(0.25, 0.5, 1, 20, 200, threshold, null, null));
  }

  /** The German n-gram layer of {@code model}, given this stand-in as its only encoder. */
  NgramDetractorAnalyzer german(SentimentComponents c, DetractorModel model, double threshold) {
    return german(c, model, threshold, null);
  }

  /** The same with a tone network averaged in. */
  NgramDetractorAnalyzer german(
      SentimentComponents c, DetractorModel model, double threshold, SentimentNetwork network) {
    return new NgramDetractorAnalyzer(
        "de",
        model.ngram().get("de"),
        c.lexicon("de"),
        ComplaintCueList.bundled("de"),
        c.preparer(),
        threshold,
        model.negativeOdds("de"),
        model.escalation("de"),
        List.of(this),
        network,
        0.5,
        "t",
        null,
        null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public float[] encode(String text) {
    calls.incrementAndGet();
    float[] v = new float[CLASSES.size()];
    v[CLASSES.indexOf(labels.getOrDefault(text, LabelledPost.NEUTRAL))] = 1;
    return v;
  }

  @Override
  public int dimensions() {
    return CLASSES.size();
  }
}
