package org.complaintdesk.sentiment.network;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What fine-tuning learned, kept in the model file: the change to each weight of the top layers of
 * the published network (the lower layers and the embeddings stay as published and are read from
 * their Maven artifact at run time), and the classification head over the pooled vector.
 *
 * <p>Changes are stored as bfloat16 (the top 16 bits of a float, rounded): four tuned layers of
 * e5-small-v2 are 7 million numbers, 28 MB as floats and 14 MB this way. A change is small next to
 * the weight it changes, so the rounding moves a weight by a few parts in a million of its size.
 *
 * <p>A model with more than one network (an ensemble of seeds) stores each change as 8-bit integers
 * with one scale per row instead ({@link Int8Change}): two bfloat16 networks would not fit the
 * shipped model's 30 MB.
 *
 * @param base the published network the changes apply to ({@link PublishedNetwork#name})
 * @param firstTuned the first layer whose weights changed; the layers below it are as published,
 *     and the network ends after the last layer that changed ({@link #end})
 * @param changes tuned minus published weight, bfloat16, by weight name ({@link BertLayers})
 * @param head [hidden × labels] weights of the classification head, row-major
 * @param headBias one per label
 * @param labels the head's classes, in order
 * @param maxTokens posts are cut to this many tokens, as in training
 * @param trainedOn what it was trained on and the settings, for the model card
 * @param int8Changes the changes stored as {@link Int8Change} instead of bfloat16 (null in files
 *     written before it existed)
 */
public record TunedLayers(
    String base,
    int firstTuned,
    Map<String, short[]> changes,
    float[] head,
    float[] headBias,
    List<String> labels,
    int maxTokens,
    String trainedOn,
    Map<String, Int8Change> int8Changes)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public TunedLayers {
    changes = new LinkedHashMap<>(changes == null ? Map.of() : changes);
    int8Changes = new LinkedHashMap<>(int8Changes == null ? Map.of() : int8Changes);
    labels = List.copyOf(labels);
  }

  /** The names of the weights tuning changed. */
  public Set<String> tunedNames() {
    Set<String> out = new LinkedHashSet<>(changes.keySet());
    out.addAll(int8Changes.keySet());
    return out;
  }

  /**
   * The layer after the last tuned one, where the network stops: e5's top layers are its last ones,
   * while multilingual BERT's tuned layer sits right above the layer its encoder stops at, and the
   * published layers above it are not run (docs/model-card.md).
   */
  public int end() {
    return tunedNames().stream().mapToInt(TunedNetwork::layerOf).max().orElse(firstTuned - 1) + 1;
  }

  /** The tuned weight: the published one plus the stored change (the published one if none). */
  public float[] apply(String name, float[] published) {
    short[] change = changes.get(name);
    Int8Change int8 = int8Changes.get(name);
    if (change == null && int8 == null) {
      return published;
    }
    int length = change != null ? change.length : int8.values().length;
    if (length != published.length) {
      throw new IllegalStateException(name + ": the stored change does not fit the weight");
    }
    float[] out = new float[published.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = published[i] + (change != null ? fromBfloat16(change[i]) : int8.value(i));
    }
    return out;
  }

  /**
   * A change as 8-bit integers, {@code values.length / scales.length} per row, each row with its
   * own scale (its largest change / 127), so a weight moves by at most half a step of its row.
   */
  public record Int8Change(byte[] values, float[] scales) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Int8Change {
      if (scales.length == 0 || values.length % scales.length != 0) {
        throw new IllegalArgumentException("rows of unequal length");
      }
    }

    /** {@code tuned − published} in rows of {@code rowLength}. */
    public static Int8Change of(float[] tuned, float[] published, int rowLength) {
      int rows = tuned.length / rowLength;
      if (rows * rowLength != tuned.length) {
        throw new IllegalArgumentException("a weight of " + tuned.length + " is no rows");
      }
      byte[] values = new byte[tuned.length];
      float[] scales = new float[rows];
      for (int r = 0; r < rows; r++) {
        float max = 0;
        for (int i = r * rowLength; i < (r + 1) * rowLength; i++) {
          max = Math.max(max, Math.abs(tuned[i] - published[i]));
        }
        float scale = max / 127f;
        scales[r] = scale;
        for (int i = r * rowLength; i < (r + 1) * rowLength; i++) {
          values[i] = scale == 0 ? 0 : (byte) Math.round((tuned[i] - published[i]) / scale);
        }
      }
      return new Int8Change(values, scales);
    }

    float value(int i) {
      return values[i] * scales[i / (values.length / scales.length)];
    }
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
