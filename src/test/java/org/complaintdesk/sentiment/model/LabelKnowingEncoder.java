package org.complaintdesk.sentiment.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.complaintdesk.sentiment.SentimentComponents;
import org.complaintdesk.sentiment.english.SentenceEncoder;
import org.complaintdesk.sentiment.lexicon.ComplaintCueList;

/**
 * A stand-in sentence encoder that knows each registered post's label (one-hot over negative,
 * neutral, positive), which the post's words need not carry; it counts its calls.
 */
final class LabelKnowingEncoder implements SentenceEncoder {
  private static final List<String> CLASSES =
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

  private static final String[] WORDS = {
    "heute", "Konto", "Karte", "Filiale", "App", "morgen", "Bank", "Termin", "Brief", "Zins"
  };

  /**
   * German posts of six random neutral words each (the same words in every class), labelled
   * negative, neutral, positive in turn and registered, so only this encoder carries the label.
   */
  List<LabelledPost> germanPosts(int n, long seed) {
    Random random = new Random(seed);
    List<LabelledPost> posts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder("Beitrag");
      for (int w = 0; w < 6; w++) {
        text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      }
      text.append(" Nr").append(i);
      posts.add(
          know(
              new LabelledPost(
                  "p" + i, CLASSES.get(i % 3), "de", text.toString(), 1, LabelledPost.SENTIMENT)));
    }
    return posts;
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
        c.languages(),
        c::lexicon,
        new ModelTrainer.TrainingOptions(0.25, 0.5, 1, 20, 200, threshold));
  }

  /** The German n-gram layer of {@code model}, given this stand-in as its only encoder. */
  NgramDetractorAnalyzer german(SentimentComponents c, DetractorModel model, double threshold) {
    return german(c, model, threshold, model.head("de"), model.negativeOdds("de"));
  }

  /** The same layer with the given head and odds multiplier instead of the model's. */
  NgramDetractorAnalyzer german(
      SentimentComponents c,
      DetractorModel model,
      double threshold,
      EncoderHead head,
      double negativeOdds) {
    return new NgramDetractorAnalyzer(
        "de",
        model.ngram().get("de"),
        c.lexicon("de"),
        ComplaintCueList.bundled("de"),
        c.preparer(),
        threshold,
        negativeOdds,
        model.escalation("de"),
        head,
        List.of(this),
        "t");
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
