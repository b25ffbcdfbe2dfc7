package org.complaintdesk.sentiment.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.complaintdesk.sentiment.english.SentenceEncoder;

/**
 * Remembers an encoder's vectors for the texts it has read, for one {@code train} run. Why: the
 * lexicon layer is offered multilingual BERT on the same posts the n-gram layers were (about 13,000
 * XLM-T posts, some five minutes of BERT on two cores); the second read costs nothing. Not for
 * scoring, where texts do not repeat enough to pay for the memory.
 */
final class RememberingEncoder implements SentenceEncoder {
  private final SentenceEncoder encoder;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  RememberingEncoder(SentenceEncoder encoder) {
    this.encoder = encoder;
  }

  /** Null for a null encoder, so callers keep their "no encoder" path. */
  static SentenceEncoder of(SentenceEncoder encoder) {
    return encoder == null ? null : new RememberingEncoder(encoder);
  }

  @Override
  public String name() {
    return encoder.name();
  }

  @Override
  public int dimensions() {
    return encoder.dimensions();
  }

  @Override
  public float[] encode(String text) {
    return vectors.computeIfAbsent(text, encoder::encode);
  }

  @Override
  public float[][] encodeAll(List<String> texts) {
    List<String> missing =
        new ArrayList<>(
            texts.stream()
                .filter(t -> !vectors.containsKey(t))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    if (!missing.isEmpty()) {
      float[][] read = encoder.encodeAll(missing);
      for (int i = 0; i < read.length; i++) {
        vectors.put(missing.get(i), read[i]);
      }
    }
    return texts.stream().map(vectors::get).toArray(float[][]::new);
  }
}
