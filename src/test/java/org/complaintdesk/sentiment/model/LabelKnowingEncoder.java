package org.complaintdesk.sentiment.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.complaintdesk.sentiment.english.SentenceEncoder;

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

  AtomicInteger calls() {
    return calls;
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
