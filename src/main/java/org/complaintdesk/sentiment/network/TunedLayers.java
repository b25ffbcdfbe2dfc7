package org.complaintdesk.sentiment.network;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What fine-tuning learned, kept in the model file: the change to each weight of the top layers of
 * the published network (the lower layers and the embeddings stay as published and are read from
 * their Maven artifact at run time), and the classification head over the pooled vector.
 *
 * <p>Changes are stored as bfloat16 (the top 16 bits of a float, rounded): four tuned layers of
 * e5-small-v2 are 7 million numbers, 28 MB as floats and 14 MB this way. A change is small next to
 * the weight it changes, so the rounding moves a weight by a few parts in a million of its size.
 *
 * @param base the published network the changes apply to ({@link E5Weights#NAME})
 * @param firstTuned the first layer whose weights changed; the layers below it are as published
 * @param changes tuned minus published weight, bfloat16, by weight name ({@link BertLayers})
 * @param head [hidden × labels] weights of the classification head, row-major
 * @param headBias one per label
 * @param labels the head's classes, in order
 * @param maxTokens posts are cut to this many tokens, as in training
 * @param trainedOn what it was trained on and the settings, for the model card
 */
public record TunedLayers(
    String base,
    int firstTuned,
    Map<String, short[]> changes,
    float[] head,
    float[] headBias,
    List<String> labels,
    int maxTokens,
    String trainedOn)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TunedLayers {
    changes = new LinkedHashMap<>(changes);
    labels = List.copyOf(labels);
  }

  /** The tuned weight: the published one plus the stored change (the published one if none). */
  public float[] apply(String name, float[] published) {
    short[] change = changes.get(name);
    if (change == null) {
      return published;
    }
    if (change.length != published.length) {
      throw new IllegalStateException(name + ": the stored change does not fit the weight");
    }
    float[] out = new float[published.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = published[i] + fromBfloat16(change[i]);
    }
    return out;
  }

  /** The stored form of {@code tuned − published}. */
  public static short[] change(float[] tuned, float[] published) {
    short[] out = new short[tuned.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = toBfloat16(tuned[i] - published[i]);
    }
    return out;
  }

  /** Round to nearest even on the 16 bits dropped. */
  static short toBfloat16(float f) {
    int bits = Float.floatToRawIntBits(f);
    int rounding = 0x7FFF + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }

  static float fromBfloat16(short s) {
    return Float.intBitsToFloat((s & 0xFFFF) << 16);
  }
}
